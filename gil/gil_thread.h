// What a GIL policy knows about one thread. Created by the interpreter for every thread that runs
// Python code, registered with the policy before the thread first takes the lock.
#pragma once

#include <cstdint>
#include <memory>

#include "gil/eval_breaker.h"
#include "gil/sync.h"

namespace gilsim {

class TraceBuffer;

struct GilThreadCounters {
  uint64_t acquisitions = 0;
  uint64_t forcedDrops = 0;    // drops because a waiter asked (or the tick ran out)
  uint64_t blockingDrops = 0;  // drops around sleep, io, wait and cext calls
  Nanos heldNs = 0;            // time holding the lock
  Nanos wantedNs = 0;          // time from asking for the lock to getting it
  Nanos longestWaitNs = 0;
};

class GilThread {
 public:
  GilThread(uint64_t serial, EvalBreaker& breaker, SyncPlatform& platform)
      : serial(serial), breaker(breaker), wakeup(platform.makeCondition()) {}

  const uint64_t serial;  // 1 for the main thread, then in creation order
  EvalBreaker& breaker;   // set from other threads to ask this one to drop the lock

  // Everything below is guarded by the policy's mutex.
  std::unique_ptr<SyncCondition> wakeup;  // for policies that hand the lock to one waiter
  bool ioBound = false;                   // priority: it last gave the lock up for a blocking call
  bool granted = false;                   // hand-off policies: the lock was handed to it
  void* libraryData = nullptr;            // a library policy's own (gil/library_policy.h)
  GilThreadCounters counters;
  Nanos wantedSince = 0;
  Nanos heldSince = 0;
  Nanos droppedAt = 0;

  // Touched only by the thread itself: lock discipline checks, and when it asked for the lock
  // (before contending for the policy's mutex, so that contention counts as wanting).
  bool holdsGil = false;
  Nanos askedAt = 0;
  TraceBuffer* trace = nullptr;  // its event buffer, once it has recorded (gil/trace_recorder.h)
};

}  // namespace gilsim
