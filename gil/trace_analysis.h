// Reads a recorded trace as what each thread was doing: back-to-back state slices per thread,
// who held each process's GIL, the hand-offs between holders and the drop requests. The Chrome
// export, the terminal timeline and the metrics all read the trace through this one
// interpretation (the state machine is drawn in gil/trace_events.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gil/trace_log.h"

namespace gilsim {

// X(Enumerator, name in traces, timeline mark, what the thread needs, meaning)
// The names follow gvl-tracing's, the Ruby GVL tracer, so that the two read alike.
#define GILSIM_THREAD_STATES(X)                                                              \
  X(Started, "started", ' ', NotNeeding, "started, not yet asking for the GIL")              \
  X(Running, "running", '*', Held, "holds the GIL and runs Python code")                     \
  X(WantsGil, "wants_gil", '.', Wanted, "waits for the GIL (asked, or was made to drop it)") \
  X(Waiting, "waiting", '_', NotNeeding, "blocked on I/O, a lock, event, queue or join")     \
  X(Sleeping, "sleeping", 'z', NotNeeding, "in time.sleep")                                  \
  X(Cext, "cext", 'c', NotNeeding, "in a C-extension call that released the GIL")

enum class ThreadStateKind : uint8_t {
#define GILSIM_THREAD_STATE_ENUM(e, name, mark, need, doc) e,
  GILSIM_THREAD_STATES(GILSIM_THREAD_STATE_ENUM)
#undef GILSIM_THREAD_STATE_ENUM
};

enum class GilNeed : uint8_t { Held, Wanted, NotNeeding };

struct ThreadStateInfo {
  ThreadStateKind kind;
  std::string_view name;
  char mark;
  GilNeed need;
  std::string_view description;
};
const std::vector<ThreadStateInfo>& threadStates();
const ThreadStateInfo& threadStateInfo(ThreadStateKind kind);

struct StateSlice {
  Nanos begin = 0;
  Nanos end = 0;
  ThreadStateKind state = ThreadStateKind::Started;
  DropReason reason = DropReason::Exit;  // why it stopped running, for the states after a drop
};

struct ThreadTrack {
  uint64_t serial = 0;
  std::string name;
  Nanos start = 0;  // its first event
  Nanos end = 0;    // it gave the GIL up for good (or exited), else its process's trace ends
  bool exited = false;
  std::vector<StateSlice> slices;  // back to back, in time order
  std::vector<Nanos> forcedWaits;  // forced switching began (instants)
  uint64_t acquisitions = 0;
  uint64_t forcedDrops = 0;
  Nanos longestWait = 0;
  std::vector<Nanos> blockingReturnLatencies;  // blocking call returned -> running again
  uint64_t droppedEvents = 0;
};

struct GilHolding {
  Nanos begin = 0;
  Nanos end = 0;
  size_t thread = 0;  // index into ProcessTrack::threads
};

struct HandOff {
  Nanos dropped = 0;   // the previous holder let go
  Nanos acquired = 0;  // the next holder runs
  size_t from = 0, to = 0;
};

struct DropRequestMark {
  Nanos time = 0;
  size_t by = 0;
  size_t holder = 0;
};

struct ProcessTrack {
  int64_t pid = 0;
  int64_t parentPid = 0;
  std::string name;
  Nanos start = 0;
  Nanos end = 0;
  std::vector<ThreadTrack> threads;
  std::vector<GilHolding> holdings;  // in time order, never overlapping
  std::vector<HandOff> handOffs;
  std::vector<DropRequestMark> dropRequests;
  std::vector<Nanos> handOffLatencies;  // drop request -> another thread runs
};

struct TraceAnalysis {
  Nanos origin = 0;
  Nanos end = 0;
  std::vector<ProcessTrack> processes;
  uint64_t events = 0;
  uint64_t droppedEvents = 0;
};

TraceAnalysis analyzeTrace(const TraceLog& log);

}  // namespace gilsim
