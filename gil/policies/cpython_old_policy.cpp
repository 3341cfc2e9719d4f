// `cpython-old`: the GIL of Python 2 and 3.0-3.1 (Beazley, "Inside the Python GIL", 2009).
//
// Every check interval (100 ticks by default, sys.setcheckinterval) the holder releases the lock
// and at once takes it again; nothing hands the lock over. The waiter the release signals must
// wake up and win the mutex before the holder, still running on its core, takes it back, which on
// several cores it usually fails to do: the "GIL battle", where two CPU-bound threads run slower
// than the same work done one after the other.
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
    while (holder_)
      condition_->wait(*mutex_);
    noteAcquired(t);
  }

  void dropImpl(GilThread& t, DropReason reason) override {
    SyncLock lock(*mutex_);
    noteDropped(t, reason);
    condition_->notifyOne();
  }

  void checkPointImpl(GilThread& t) override {
    drop(t, DropReason::Tick);
    take(t);
  }

  std::unique_ptr<SyncCondition> condition_;
};

}  // namespace

std::unique_ptr<GilPolicy> makeCPythonOldPolicy(SyncPlatform& platform,
                                                const GilSettings& settings) {
  return std::make_unique<CPythonOldPolicy>(platform, settings);
}

}  // namespace gilsim
