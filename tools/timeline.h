// Terminal timelines: one row per worker or thread, a mark per cell for what it was doing, under
// a time axis with round ticks.
//
//   worker 1 |***********************             |
//   worker 2 |     ****************************** |
//            +--------+---------+--------+--------+
//            0 s    0.5 s     1.0 s    1.5 s    2.0 s
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace gilsim::cli {

struct TimelineSpan {
  double start = 0;  // seconds on the axis
  double end = 0;
  char mark = '*';
};

struct TimelineRow {
  // A worker's run: one span of '*'.
  TimelineRow(std::string label, double start, double end)
      : label(std::move(label)), spans{{start, end, '*'}} {}
  TimelineRow(std::string label, std::vector<TimelineSpan> spans)
      : label(std::move(label)), spans(std::move(spans)) {}
  std::string label;
  std::vector<TimelineSpan> spans;
};

// The rows drawn against an axis from 0 to `axisEnd` seconds (raised to the latest end if that
// is later), `width` columns wide in all (at least 24 are used). A cell shows the mark that
// covers most of it, if marks cover more than half of it or a span lies wholly inside it (so
// that a short one still shows); else a blank. Each line ends in '\n'.
std::string renderTimeline(const std::vector<TimelineRow>& rows, double axisEnd, int width);

// The terminal's width: $COLUMNS, else the TIOCGWINSZ of stdout, else 80.
int terminalWidth();

}  // namespace gilsim::cli
