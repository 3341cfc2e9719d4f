#include "interp/vm/thread_state.h"

#include "gil/gil_policy.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/thread_registry.h"
#include "interp/vm/vm.h"

namespace gilsim {

ThreadState::ThreadState(Interpreter& interp, uint64_t serial, bool isMain)
    : interp_(interp), isMain_(isMain) {
  SyncPlatform& platform = interp.gil().platform();
  parkCondition = platform.makeCondition();
  vm_ = std::make_unique<VM>(interp, *this);
  gil_ = std::make_unique<GilThread>(serial, vm_->breaker(), platform);
}

ThreadState::~ThreadState() = default;

void ThreadState::resetAfterFork() {
  SyncPlatform& platform = interp_.gil().platform();
  keepAbandonedAfterFork(parkCondition.release());
  parkCondition = platform.makeCondition();
  uint64_t serial = gil_->serial;
  // The old GilThread may sit in the abandoned policy's queues: leave it there, never freed.
  keepAbandonedAfterFork(gil_.release());
  gil_ = std::make_unique<GilThread>(serial, vm_->breaker(), platform);
  vm_->breaker().clear(kDropGilRequest);
  blockedIn = nullptr;
  parkedForever = false;
  unparked = false;
}

}  // namespace gilsim
