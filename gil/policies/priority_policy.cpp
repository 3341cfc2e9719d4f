// `priority`: Beazley's proposed fix for the convoy effect (Python issue 7946, "Convoy effect with
// I/O bound threads and New GIL", 2010). A thread that last gave the lock up for a blocking call
// (sleep, io, wait) counts as I/O-bound; one that was made to drop it counts as CPU-bound. An
// I/O-bound thread asking for the lock goes ahead of CPU-bound waiters and asks a CPU-bound
// holder to drop at once, instead of waiting a switch interval first.
#include <algorithm>

#include "gil/policies/handoff_policy.h"
#include "gil/policies/policies.h"

namespace gilsim {

namespace {

class PriorityPolicy final : public HandoffPolicy {
 public:
  using HandoffPolicy::HandoffPolicy;

 private:
  void enqueue(GilThread& t) override {
    if (!t.ioBound) {
      queue_.push_back(&t);
      return;
    }
    auto firstCpuBound =
        std::find_if(queue_.begin(), queue_.end(), [](GilThread* w) { return !w->ioBound; });
    queue_.insert(firstCpuBound, &t);
  }

  void onQueued(GilThread& t) override {
    if (t.ioBound && !holder_->ioBound && !(holder_->breaker.load() & kDropGilRequest))
      requestDrop(t, *holder_);
  }

  void onDropped(GilThread& t, DropReason reason) override {
    if (reason == DropReason::Sleep || reason == DropReason::Io || reason == DropReason::Wait)
      t.ioBound = true;
    else if (reason != DropReason::Exit)
      t.ioBound = false;
  }
};

}  // namespace

std::unique_ptr<GilPolicy> makePriorityPolicy(SyncPlatform& platform, const GilSettings& settings) {
  return std::make_unique<PriorityPolicy>(platform, settings);
}

}  // namespace gilsim
