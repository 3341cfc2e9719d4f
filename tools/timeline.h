// Terminal timelines: one row per worker, `*` while it runs, under a time axis with round ticks.
//
//   worker 1 |***********************             |
//   worker 2 |     ****************************** |
//            +--------+---------+--------+--------+
//            0 s    0.5 s     1.0 s    1.5 s    2.0 s
#pragma once

#include <string>
#include <vector>

namespace gilsim::cli {

struct TimelineRow {
  std::string label;
  double start = 0;  // seconds on the axis
  double end = 0;
};

// The rows drawn against an axis from 0 to `axisEnd` seconds (raised to the latest end if that
// is later), `width` columns wide in all (at least 24 are used). Each line ends in '\n'.
std::string renderTimeline(const std::vector<TimelineRow>& rows, double axisEnd, int width);

// The terminal's width: $COLUMNS, else the TIOCGWINSZ of stdout, else 80.
int terminalWidth();

}  // namespace gilsim::cli
