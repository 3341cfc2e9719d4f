#include "tools/trace_stats_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "tools/bench_report.h"

namespace gilsim::cli {

namespace {

std::string ms(Nanos ns) {
  return fmt::format("{:.3f} ms", static_cast<double>(ns) / 1e6);
}
std::string secs(Nanos ns) {
  return bench::formatSeconds(static_cast<double>(ns) / 1e9);
}
std::string share(Nanos part, Nanos whole) {
  return whole > 0 ? fmt::format("{:.1f}%",
                                 100.0 * static_cast<double>(part) / static_cast<double>(whole))
                   : "-";
}
std::string latencies(const LatencySummary& s) {
  if (s.count == 0) return "none";
  return fmt::format("p50 {}  p99 {}  max {}  (n={})", ms(s.p50), ms(s.p99), ms(s.max), s.count);
}

}  // namespace

std::string renderTraceStats(const TraceStats& stats) {
  std::string text =
      fmt::format("GIL statistics: {} process{}, {}, {} events recorded", stats.processes.size(),
                  stats.processes.size() == 1 ? "" : "es", secs(stats.duration), stats.events);
  text += stats.droppedEvents ? fmt::format(", {} DROPPED (buffers full)\n", stats.droppedEvents)
                              : "\n";
  for (const ProcessStats& p : stats.processes) {
    text += fmt::format("\nprocess {} ({}), {}:\n", p.pid, p.name, secs(p.duration));
    size_t nameWidth = 6;
    for (const ThreadStats& t : p.threads)
      nameWidth = std::max(nameWidth, t.name.size());
    text += fmt::format("  {:<{}}  {:>9}  {:>16}  {:>16}  {:>16}  {:>8}  {:>6}  {:>12}\n", "thread",
                        nameWidth, "lifetime", "held", "wanted", "not needing", "acquired",
                        "forced", "longest wait");
    for (const ThreadStats& t : p.threads)
      text += fmt::format(
          "  {:<{}}  {:>9}  {:>16}  {:>16}  {:>16}  {:>8}  {:>6}  {:>12}\n", t.name, nameWidth,
          secs(t.lifetime), fmt::format("{} {:>6}", secs(t.held), share(t.held, t.lifetime)),
          fmt::format("{} {:>6}", secs(t.wanted), share(t.wanted, t.lifetime)),
          fmt::format("{} {:>6}", secs(t.notNeeding), share(t.notNeeding, t.lifetime)),
          t.acquisitions, t.forcedDrops, ms(t.longestWait));
    text += fmt::format(
        "  hand-offs: {} ({:.1f}/s); latency from drop request to the new holder running: {}\n",
        p.handOffs, p.handOffsPerSecond, latencies(p.handOffLatency));
    text += fmt::format("  GIL held {:.1f}% of the time, wanted by some thread {:.1f}%\n",
                        100 * p.heldFraction, 100 * p.wantedFraction);
    if (p.threadsThatWaited > 0)
      text += fmt::format(
          "  Jain's fairness index {:.3f} over the {} thread{} that waited for the GIL\n",
          p.jainIndex, p.threadsThatWaited, p.threadsThatWaited == 1 ? "" : "s");
    else
      text += "  Jain's fairness index: no thread waited for the GIL\n";
    text += fmt::format("  return from blocking calls to running: {}\n",
                        latencies(p.blockingReturnLatency));
  }
  return text;
}

}  // namespace gilsim::cli
