// The GIL: one mechanism, several policies.
//
// Every thread that runs Python code holds the GIL while it does. A policy decides who gets it
// next and when the holder must give it up; the interpreter calls it at four points:
//
//   take(t)        t does not hold the lock; returns once it does. Called when a thread starts
//                  and after every blocking call.
//   drop(t, why)   t holds the lock and gives it up: before a blocking call (sleep, io, wait,
//                  cext), or when the thread ends (exit).
//   checkPoint(t)  t holds the lock and reached a check point with kDropGilRequest set on its
//                  eval breaker, or with its tick count run out (see tickPeriod). The policy may
//                  drop the lock and take it again here.
//   tickPeriod()   check points between two checkPoint calls with no request (cpython-old's
//                  ticks); 0 when the policy only reacts to drop requests.
//
// Policies share the bookkeeping in this base class: who holds the lock, the counters the
// `gilsim` module and --stats read, and the lock-discipline checks (a thread that drops a lock it
// does not hold, or takes one it holds, aborts with a message in every build). Policies talk to
// the world only through gil/sync.h, so the simulated platform can run them unchanged.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string_view>

#include "gil/drop_reason.h"
#include "gil/gil_thread.h"
#include "gil/sync.h"
#include "gil/trace_recorder.h"

namespace gilsim {

struct GilSettings {
  Nanos switchInterval = 5 * kNanosPerMilli;  // CPython's default, sys.getswitchinterval() 0.005
  int checkInterval = 100;                    // cpython-old: check points per release
};

struct GilCounters {
  uint64_t acquisitions = 0;
  uint64_t switches = 0;       // acquisitions by a thread other than the previous holder
  uint64_t dropRequests = 0;   // times a waiter set kDropGilRequest on the holder
  uint64_t forcedDrops = 0;    // drops that answered a request or a tick
  uint64_t blockingDrops = 0;  // drops around blocking calls
};

class GilPolicy {
 public:
  GilPolicy(SyncPlatform& platform, const GilSettings& settings);
  virtual ~GilPolicy() = default;
  GilPolicy(const GilPolicy&) = delete;
  GilPolicy& operator=(const GilPolicy&) = delete;

  // The contract of each is at the top of this file.
  void take(GilThread& t);
  void drop(GilThread& t, DropReason reason);
  void checkPoint(GilThread& t);
  virtual int64_t tickPeriod() const { return 0; }

  // Any thread; the new value applies from the next wait. Rounded by roundSwitchInterval
  // (gil/switch_interval.h) as CPython rounds it.
  Nanos switchInterval() const { return switchInterval_.load(std::memory_order_relaxed); }
  void setSwitchInterval(Nanos interval);
  int checkInterval() const { return checkInterval_.load(std::memory_order_relaxed); }
  void setCheckInterval(int ticks);

  // A snapshot of the counters (any thread).
  GilCounters counters();
  GilThreadCounters countersOf(GilThread& t);
  SyncPlatform& platform() { return platform_; }
  // Where take, drop and the policies record GIL events (gil/trace_events.h); null: nowhere.
  // Set before any thread takes the lock.
  void setRecorder(TraceRecorder* recorder) { recorder_ = recorder; }

 protected:
  // Implementations. Each is called with mutex_ NOT held and must take it itself; each calls
  // noteAcquired / noteDropped under mutex_ at the moment the lock changes hands.
  virtual void takeImpl(GilThread& t) = 0;
  virtual void dropImpl(GilThread& t, DropReason reason) = 0;
  // The default answers a drop request: drop (forced) and take again.
  virtual void checkPointImpl(GilThread& t);

  // t starts asking (unless a forced drop already made it a waiter); under mutex_.
  void noteWanted(GilThread& t);
  void noteAcquired(GilThread& t);                    // t now holds it; under mutex_
  void noteDropped(GilThread& t, DropReason reason);  // t no longer holds it; under mutex_
  // `by` (a waiter, the calling thread) sets kDropGilRequest on the holder; under mutex_.
  void requestDrop(GilThread& by, GilThread& holder);
  // Records an event of t, the calling thread: now, or at a time the policy has already read
  // (a clock read costs more than the rest of the record).
  void trace(GilThread& t, TraceEventKind kind, DropReason reason = DropReason::Exit,
             uint32_t arg = 0) {
    if (recorder_) recorder_->record(t, kind, reason, arg);
  }
  void traceAt(GilThread& t, Nanos time, TraceEventKind kind,
               DropReason reason = DropReason::Exit) {
    if (recorder_) recorder_->recordAt(t, time, kind, reason);
  }
  bool tracing() const { return recorder_ && recorder_->enabled(); }

  SyncPlatform& platform_;
  std::unique_ptr<SyncMutex> mutex_;
  GilThread* holder_ = nullptr;      // guarded by mutex_
  GilThread* lastHolder_ = nullptr;  // guarded by mutex_
  GilCounters counters_;             // guarded by mutex_
  TraceRecorder* recorder_ = nullptr;

 private:
  std::atomic<Nanos> switchInterval_;
  std::atomic<int> checkInterval_;
};

[[noreturn]] void gilDisciplineFailure(const char* what);

}  // namespace gilsim
