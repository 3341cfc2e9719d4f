#include "tools/timeline.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
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
    axisEnd = std::max(axisEnd, row.end);
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
    std::string bar(static_cast<size_t>(cells), ' ');
    // A cell is running when the worker runs at its middle, or starts and ends inside it (so
    // that a short worker still shows).
    for (int c = 0; c < cells; ++c) {
      double left = c * cellSeconds, middle = left + cellSeconds / 2, right = left + cellSeconds;
      if ((row.start <= middle && row.end > middle) || (row.start >= left && row.end <= right))
        bar[static_cast<size_t>(c)] = '*';
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
