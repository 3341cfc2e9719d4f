#include "tools/timeline.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "fmt/format.h"
#include "tools/nice_ticks.h"

namespace gilsim::cli {

namespace {

constexpr int kMinWidth = 24;

std::string tickLabel(double seconds, double step) {
  return fmt::format("{:.{}f} s", seconds, decimalsFor(step));
}

}  // namespace

std::string renderTimeline(const std::vector<TimelineRow>& rows, double axisEnd, int width) {
  for (const TimelineRow& row : rows)
    for (const TimelineSpan& span : row.spans)
      axisEnd = std::max(axisEnd, span.end);
  if (!(axisEnd > 0)) axisEnd = 1;
  width = std::max(width, kMinWidth);
  size_t labelWidth = 0;
  for (const TimelineRow& row : rows)
    labelWidth = std::max(labelWidth, row.label.size());
  // label, a blank, '|', the cells, '|'.
  int cells = std::max(width - static_cast<int>(labelWidth) - 3, 10);
  double cellSeconds = axisEnd / cells;
  std::string text;
  for (const TimelineRow& row : rows) {
    // Per cell, the time each mark covers, and whether some span lies wholly inside it.
    std::vector<std::array<double, 128>> cover(static_cast<size_t>(cells));
    for (auto& c : cover)
      c.fill(0);
    std::vector<char> inside(static_cast<size_t>(cells), 0);
    for (const TimelineSpan& span : row.spans) {
      if (span.end < span.start) continue;
      auto mark = static_cast<unsigned char>(span.mark) & 0x7f;
      int first = std::clamp(static_cast<int>(span.start / cellSeconds), 0, cells - 1);
      int last = std::clamp(static_cast<int>(span.end / cellSeconds), 0, cells - 1);
      for (int c = first; c <= last; ++c) {
        double left = c * cellSeconds, right = left + cellSeconds;
        double overlap = std::min(span.end, right) - std::max(span.start, left);
        if (overlap > 0) cover[static_cast<size_t>(c)][mark] += overlap;
        if (span.start >= left && span.end <= right)
          inside[static_cast<size_t>(c)] = static_cast<char>(mark);
      }
    }
    std::string bar(static_cast<size_t>(cells), ' ');
    for (size_t c = 0; c < bar.size(); ++c) {
      const auto& marks = cover[c];
      size_t best = 0;
      double total = 0;
      for (size_t m = 0; m < marks.size(); ++m) {
        total += marks[m];
        if (marks[m] > marks[best]) best = m;
      }
      if (total > cellSeconds / 2 && marks[best] > 0)
        bar[c] = static_cast<char>(best);
      else if (inside[c])
        bar[c] = marks[best] > 0 ? static_cast<char>(best) : inside[c];
    }
    text += fmt::format("{:<{}} |{}|\n", row.label, labelWidth, bar);
  }
  // A column stands for the time at its left edge: cell c starts at c * cellSeconds, and the
  // right border at axisEnd. Ticks mark the column of their time.
  const size_t origin = labelWidth + 2;
  auto column = [&](double t) {
    return origin + static_cast<size_t>(std::lround(t / cellSeconds));
  };
  std::string axis(origin, ' ');
  axis += std::string(static_cast<size_t>(cells) + 1, '-');
  std::string labels(axis.size(), ' ');
  double step = niceStep(axisEnd, std::max(2, cells / 6));
  size_t free = 0;  // the first column a label may use
  for (double t : ticksUpTo(axisEnd, step)) {
    size_t at = std::min(column(t), axis.size() - 1);
    axis[at] = '+';
    std::string label = tickLabel(t, step);
    // Each label starts at its tick; the last one may end there instead.
    size_t from = at;
    if (from + label.size() > labels.size()) from = labels.size() - label.size();
    if (from < free) continue;
    labels.replace(from, label.size(), label);
    free = from + label.size() + 1;
  }
  while (!labels.empty() && labels.back() == ' ')
    labels.pop_back();
  text += axis + "\n" + labels + "\n";
  return text;
}

int terminalWidth() {
  if (const char* columns = std::getenv("COLUMNS")) {
    int n = std::atoi(columns);
    if (n > 0) return n;
  }
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

}  // namespace gilsim::cli
