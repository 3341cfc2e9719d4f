// `cpython-old`: the GIL of Python 2 and 3.0-3.1 (Beazley, "Inside the Python GIL", 2009).
//
// Every check interval (100 ticks by default, sys.setcheckinterval) the holder releases the lock
// and at once takes it again; nothing hands the lock over. The waiter the release signals must
// wake up and win the mutex before the holder, still running on its core, takes it back, which on
// several cores it usually fails to do: the "GIL battle", where two CPU-bound threads run slower
// than the same work done one after the other.
//
// On hardware a battle ends by luck: a wake-up that lands inside the holder's release window, a
// holder its OS preempts. On this project's 2-core machine the real backend's waiter wins within
// a wake-up or two (workloads/convoy.py: an I/O thread's return from a sleep beside a CPU hog,
// p99 0.065 ms), while the holder still releases and retakes about 70 times per hand-off. The
// simulated machine has no such luck (the release and the retake take no virtual time, a wake-up
// takes 50 us), so its waiter would never win, and a thread back from a sleep would wait
// forever. The model's stand-in for the luck, calibrated on that figure: a waiter that wakes to
// find the lock retaken claims the next release, and the holder waits until it has taken the
// lock. The churn of futile releases (the battle's cost) stays; no run hangs.
#include "gil/policies/policies.h"

namespace gilsim {

namespace {

class CPythonOldPolicy final : public GilPolicy {
 public:
  CPythonOldPolicy(SyncPlatform& platform, const GilSettings& settings)
      : GilPolicy(platform, settings), condition_(platform.makeCondition()) {}

  int64_t tickPeriod() const override { return checkInterval(); }

 private:
  void takeImpl(GilThread& t) override {
    SyncLock lock(*mutex_);
    noteWanted(t);
    while (holder_ || (claimant_ && claimant_ != &t)) {
      condition_->wait(*mutex_);
      if (holder_ && !claimant_) claimant_ = &t;  // it lost the race: the next release is its
    }
    if (claimant_ == &t) claimant_ = nullptr;
    noteAcquired(t);
  }

  void dropImpl(GilThread& t, DropReason reason) override {
    SyncLock lock(*mutex_);
    noteDropped(t, reason);
    // The claimant must be among the woken, whichever waiter one signal would pick.
    if (claimant_)
      condition_->notifyAll();
    else
      condition_->notifyOne();
  }

  void checkPointImpl(GilThread& t) override {
    drop(t, DropReason::Tick);
    take(t);
  }

  std::unique_ptr<SyncCondition> condition_;
  GilThread* claimant_ = nullptr;  // guarded by mutex_; it takes the lock at the next release
};

}  // namespace

std::unique_ptr<GilPolicy> makeCPythonOldPolicy(SyncPlatform& platform,
                                                const GilSettings& settings) {
  return std::make_unique<CPythonOldPolicy>(platform, settings);
}

}  // namespace gilsim
