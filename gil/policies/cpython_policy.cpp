// `cpython`: the "new GIL" of CPython 3.2+ (Python/ceval_gil.c), with forced switching.
//
// take: while the lock is held, wait on the condition for one switch interval. If the wait timed
//   out, the lock is still held and no other thread has taken it meanwhile (switch_number did not
//   move), set the drop request on the holder's eval breaker. Each turn of the loop waits a fresh
//   full interval. A thread coming back from I/O while a CPU-bound thread runs therefore waits at
//   least one interval before it can even ask: the convoy effect.
// drop: unlock and signal one waiter; the OS decides which one wakes first. If the dropping
//   thread had a drop request pending, it then waits until another thread has taken the lock
//   (FORCE_SWITCHING), so it cannot win the race back: this ended the old GIL's multicore battle.
#include "gil/policies/policies.h"

namespace gilsim {

namespace {

class CPythonPolicy final : public GilPolicy {
 public:
  CPythonPolicy(SyncPlatform& platform, const GilSettings& settings)
      : GilPolicy(platform, settings),
        gilCondition_(platform.makeCondition()),
        switchCondition_(platform.makeCondition()) {}

 private:
  void takeImpl(GilThread& t) override {
    SyncLock lock(*mutex_);
    noteWanted(t);
    while (holder_) {
      uint64_t savedSwitchNumber = counters_.switches;
      WaitResult result = gilCondition_->waitFor(*mutex_, switchInterval());
      // The holder may have changed while we slept: only a holder that kept the lock for a whole
      // interval is asked to drop it.
      if (result == WaitResult::TimedOut && holder_ && counters_.switches == savedSwitchNumber &&
          !(holder_->breaker.load() & kDropGilRequest))
        requestDrop(t, *holder_);
    }
    noteAcquired(t);
    switchCondition_->notifyAll();
  }

  void dropImpl(GilThread& t, DropReason reason) override {
    SyncLock lock(*mutex_);
    noteDropped(t, reason);
    gilCondition_->notifyOne();
    if (reason == DropReason::Exit || !(t.breaker.load() & kDropGilRequest)) return;
    // Forced switching: a waiter asked, so let it run before this thread may take the lock again.
    t.breaker.clear(kDropGilRequest);
    traceAt(t, t.droppedAt, TraceEventKind::ForcedWaitBegin);
    while (lastHolder_ == &t)
      switchCondition_->wait(*mutex_);
    trace(t, TraceEventKind::ForcedWaitEnd);
  }

  std::unique_ptr<SyncCondition> gilCondition_;     // waiters for the lock
  std::unique_ptr<SyncCondition> switchCondition_;  // forced switching: "someone else took it"
};

}  // namespace

std::unique_ptr<GilPolicy> makeCPythonPolicy(SyncPlatform& platform, const GilSettings& settings) {
  return std::make_unique<CPythonPolicy>(platform, settings);
}

}  // namespace gilsim
