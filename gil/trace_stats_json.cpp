#include "gil/trace_stats_json.h"

namespace gilsim {

namespace {

double seconds(Nanos ns) {
  return static_cast<double>(ns) / 1e9;
}
double millis(Nanos ns) {
  return static_cast<double>(ns) / 1e6;
}

nlohmann::ordered_json latencyJson(const LatencySummary& s) {
  return {
      {"count", s.count}, {"p50", millis(s.p50)}, {"p99", millis(s.p99)}, {"max", millis(s.max)}};
}

}  // namespace

nlohmann::ordered_json traceStatsToJson(const TraceStats& stats) {
  nlohmann::ordered_json processes = nlohmann::ordered_json::array();
  for (const ProcessStats& p : stats.processes) {
    nlohmann::ordered_json threads = nlohmann::ordered_json::array();
    for (const ThreadStats& t : p.threads)
      threads.push_back({{"serial", t.serial},
                         {"name", t.name},
                         {"lifetime_s", seconds(t.lifetime)},
                         {"held_s", seconds(t.held)},
                         {"wanted_s", seconds(t.wanted)},
                         {"not_needing_s", seconds(t.notNeeding)},
                         {"acquisitions", t.acquisitions},
                         {"forced_drops", t.forcedDrops},
                         {"longest_wait_ms", millis(t.longestWait)}});
    processes.push_back({{"pid", p.pid},
                         {"name", p.name},
                         {"duration_s", seconds(p.duration)},
                         {"hand_offs", p.handOffs},
                         {"hand_offs_per_s", p.handOffsPerSecond},
                         {"hand_off_latency_ms", latencyJson(p.handOffLatency)},
                         {"held_fraction", p.heldFraction},
                         {"wanted_fraction", p.wantedFraction},
                         {"jain_index", p.jainIndex},
                         {"threads_that_waited", p.threadsThatWaited},
                         {"blocking_return_latency_ms", latencyJson(p.blockingReturnLatency)},
                         {"threads", std::move(threads)}});
  }
  return {{"duration_s", seconds(stats.duration)},
          {"events", stats.events},
          {"dropped_events", stats.droppedEvents},
          {"processes", std::move(processes)}};
}

}  // namespace gilsim
