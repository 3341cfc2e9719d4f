// The shared mechanism of the hand-off policies (`fifo`, `priority`): waiters queue, and a
// dropping holder hands the lock straight to the head of the queue, so no third thread can
// barge in. The head of the queue keeps the quantum: once the holder has held the lock for a
// switch interval, the head asks it to drop (Ruby's GVL timer does this every 100 ms).
#pragma once

#include <vector>

#include "gil/gil_policy.h"

namespace gilsim {

class HandoffPolicy : public GilPolicy {
 public:
  using GilPolicy::GilPolicy;

 protected:
  // Where a new waiter goes in the queue; under mutex_.
  virtual void enqueue(GilThread& t) { queue_.push_back(&t); }
  // A waiter just queued while `holder_` runs; under mutex_.
  virtual void onQueued(GilThread&) {}
  // Bookkeeping when t gives the lock up; under mutex_.
  virtual void onDropped(GilThread&, DropReason) {}

  std::vector<GilThread*> queue_;  // guarded by mutex_; front is the next holder

 private:
  void takeImpl(GilThread& t) final;
  void dropImpl(GilThread& t, DropReason reason) final;
};

}  // namespace gilsim
