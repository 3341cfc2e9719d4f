// The fairness metrics of a traced run, computed from the trace analysis (gil/trace_analysis.h).
// Each is defined in one line in README.md ("Reading --stats"); the field comments say the same.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gil/trace_analysis.h"

namespace gilsim {

struct LatencySummary {
  uint64_t count = 0;
  Nanos p50 = 0, p99 = 0, max = 0;  // nearest-rank percentiles
};
LatencySummary summarizeLatencies(std::vector<Nanos> samples);

struct ThreadStats {
  uint64_t serial = 0;
  std::string name;
  Nanos lifetime = 0;    // first event to exit (or the end of the trace)
  Nanos held = 0;        // time in `running`
  Nanos wanted = 0;      // time in `wants_gil`
  Nanos notNeeding = 0;  // time in `started`, `waiting`, `sleeping`, `cext`
  uint64_t acquisitions = 0;
  uint64_t forcedDrops = 0;  // drops because another thread asked (or a tick ran out)
  Nanos longestWait = 0;     // longest single stay in `wants_gil`
};

struct ProcessStats {
  int64_t pid = 0;
  std::string name;
  Nanos duration = 0;     // the process's start to the end of its trace
  uint64_t handOffs = 0;  // the GIL passed from one thread to another
  double handOffsPerSecond = 0;
  LatencySummary handOffLatency;  // drop request -> another thread running
  double heldFraction = 0;        // share of the duration some thread held the GIL
  double wantedFraction = 0;      // share of the duration some thread waited for it
  // Jain's index of held / (held + wanted) over the threads that waited: 1 when every thread
  // got the same share of the time it needed the lock, 1/n when one got it all. 0 if none waited.
  double jainIndex = 0;
  uint64_t threadsThatWaited = 0;
  LatencySummary blockingReturnLatency;  // blocking call returned -> running again
  std::vector<ThreadStats> threads;
};

struct TraceStats {
  Nanos duration = 0;  // the whole run
  uint64_t events = 0;
  uint64_t droppedEvents = 0;
  std::vector<ProcessStats> processes;
};

TraceStats computeTraceStats(const TraceAnalysis& analysis);

}  // namespace gilsim
