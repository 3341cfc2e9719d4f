// The GIL event trace: what a thread records, one fixed-size record per event.
//
// Each thread appends to its own preallocated buffer (gil/trace_recorder.h), so recording takes
// no lock. Every event is recorded by the thread it describes, at a moment it holds or waits for
// the lock as the event says; the one exception is `drop_request`, which the waiter records in
// its own buffer, naming the holder it asked in `arg`. Times are CLOCK_MONOTONIC nanoseconds,
// the clock every process of a run shares, so a child's events merge into its parent's trace
// without adjustment; exports subtract the run's origin.
//
// A thread's events read as a state machine (gil/trace_analysis.h):
//
//   thread_start -> started --gil_request--> wants_gil --gil_acquire--> running
//   running --gil_drop(forced|tick)--> wants_gil (it asks again at once)
//   running --gil_drop(sleep|io|wait|cext)--> sleeping | waiting | waiting | cext
//   (blocked) --blocking_end, gil_request--> wants_gil
//   running --gil_drop(exit), thread_exit--> (ended)
#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>

#include "gil/drop_reason.h"
#include "gil/sync.h"

namespace gilsim {

// X(Enumerator, name, what `arg` holds, what it means)
#define GILSIM_TRACE_EVENTS(X)                                                                   \
  X(ThreadStart, "thread_start", "-", "the thread began (its name is in the thread table)")      \
  X(ThreadExit, "thread_exit", "-", "the thread ended")                                          \
  X(GilRequest, "gil_request", "-", "the thread asks for the GIL")                               \
  X(GilAcquire, "gil_acquire", "-", "the thread holds the GIL and runs")                         \
  X(GilDrop, "gil_drop", "-", "the thread gives the GIL up, for `reason`")                       \
  X(DropRequest, "drop_request", "holder", "a waiter set the drop request on the holder")        \
  X(ForcedWaitBegin, "forced_wait_begin", "-", "forced switching: waits for another to take it") \
  X(ForcedWaitEnd, "forced_wait_end", "-", "forced switching: another thread took the GIL")      \
  X(BlockingBegin, "blocking_begin", "-", "a blocking call (`reason`) starts, GIL released")     \
  X(BlockingEnd, "blocking_end", "-", "the blocking call returned; the thread will ask again")   \
  X(ProcessStart, "process_start", "parent pid", "a forked or spawned process began")            \
  X(ProcessExit, "process_exit", "exit status", "the process ends")

enum class TraceEventKind : uint8_t {
#define GILSIM_TRACE_EVENT_ENUM(e, name, arg, doc) e,
  GILSIM_TRACE_EVENTS(GILSIM_TRACE_EVENT_ENUM)
#undef GILSIM_TRACE_EVENT_ENUM
};

inline constexpr int kTraceEventKindCount = 0
#define GILSIM_TRACE_EVENT_COUNT(e, name, arg, doc) +1
    GILSIM_TRACE_EVENTS(GILSIM_TRACE_EVENT_COUNT)
#undef GILSIM_TRACE_EVENT_COUNT
    ;

std::string_view traceEventName(TraceEventKind kind);

// 16 bytes. Trivial on purpose: a buffer of a million is allocated without touching its pages,
// which the kernel then provides as the thread fills them.
struct TraceEvent {
  Nanos time;  // CLOCK_MONOTONIC
  uint32_t arg;
  TraceEventKind kind;
  DropReason reason;  // gil_drop, blocking_begin, blocking_end
};
static_assert(sizeof(TraceEvent) == 16);
static_assert(std::is_trivially_default_constructible_v<TraceEvent>);

}  // namespace gilsim
