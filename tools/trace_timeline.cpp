#include "tools/trace_timeline.h"

#include <fmt/format.h>

#include "tools/timeline.h"

namespace gilsim::cli {

namespace {

// The holder's mark on the GIL row: 1-9, then a-z, then '#'.
char threadNumber(size_t index) {
  if (index < 9) return static_cast<char>('1' + index);
  if (index < 9 + 26) return static_cast<char>('a' + index - 9);
  return '#';
}

// The marks, from the state table, wrapped to the width.
std::string legend(int width) {
  std::vector<std::string> items;
  for (const ThreadStateInfo& state : threadStates())
    if (state.mark != ' ') items.push_back(fmt::format("{} {}", state.mark, state.name));
  items.push_back("GIL row: the number of the thread holding it");
  std::string text, line;
  for (const std::string& item : items) {
    if (!line.empty() && static_cast<int>(line.size() + 3 + item.size()) > width) {
      text += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : "   ") + item;
  }
  return text + line + "\n";
}

}  // namespace

std::string renderTraceTimeline(const TraceAnalysis& analysis, int width) {
  auto seconds = [&](Nanos t) { return static_cast<double>(t - analysis.origin) / 1e9; };
  std::vector<TimelineRow> rows;
  bool severalProcesses = analysis.processes.size() > 1;
  for (const ProcessTrack& process : analysis.processes) {
    std::string prefix = severalProcesses ? fmt::format("{} ", process.name) : "";
    bool gilRow = process.threads.size() > 1;
    if (gilRow) {
      TimelineRow row(prefix + "GIL", std::vector<TimelineSpan>{});
      for (const GilHolding& h : process.holdings)
        row.spans.push_back({seconds(h.begin), seconds(h.end), threadNumber(h.thread)});
      if (row.spans.empty()) row.spans.push_back({0, 0, ' '});
      rows.push_back(std::move(row));
    }
    for (size_t i = 0; i < process.threads.size(); ++i) {
      const ThreadTrack& thread = process.threads[i];
      std::string label =
          prefix + (gilRow ? fmt::format("{} ", threadNumber(i)) : "") + thread.name;
      TimelineRow row(label, std::vector<TimelineSpan>{});
      for (const StateSlice& s : thread.slices) {
        char mark = threadStateInfo(s.state).mark;
        if (mark != ' ') row.spans.push_back({seconds(s.begin), seconds(s.end), mark});
      }
      if (row.spans.empty())
        row.spans.push_back({seconds(thread.start), seconds(thread.start), ' '});
      rows.push_back(std::move(row));
    }
  }
  return renderTimeline(rows, seconds(analysis.end), width) + legend(width);
}

}  // namespace gilsim::cli
