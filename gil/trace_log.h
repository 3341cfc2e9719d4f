// A recorded trace, taken out of the recorder: per process, per thread, that thread's events in
// the order it recorded them (which is time order: one writer, a monotonic clock).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "gil/trace_events.h"

namespace gilsim {

struct TracedThread {
  uint64_t serial = 0;  // 1 for a process's main thread, then in creation order
  std::string name;
  std::vector<TraceEvent> events;
  uint64_t droppedEvents = 0;  // recorded after its buffer was full
};

struct TracedProcess {
  int64_t pid = 0;
  int64_t parentPid = 0;  // 0 for the process `gilsim run` started
  std::string name;
  Nanos start = 0;  // CLOCK_MONOTONIC, as the events
  Nanos end = 0;    // when it was taken out of the recorder (the process's last moment)
  std::vector<TracedThread> threads;
};

struct TraceLog {
  Nanos origin = 0;                      // the run's start: exports show event times relative to it
  std::vector<TracedProcess> processes;  // the root first, then children by start time

  uint64_t droppedEvents() const;
  uint64_t eventCount() const;
  Nanos end() const;  // the latest end of any process
};

// The binary form a child process leaves for its parent to merge (host byte order: both are the
// same build on the same machine).
void writeTracedProcess(std::ostream& out, const TracedProcess& process);
std::optional<TracedProcess> readTracedProcess(std::istream& in);

}  // namespace gilsim
