#include "gil/sim/sim_platform.h"

#include <algorithm>
#include <deque>

#include "gil/sim/sim_machine.h"

namespace gilsim {

namespace {

using Fiber = SimMachine::Fiber;

// A fiber switch happens only where a fiber blocks, so a mutex is contended only when its
// holder blocked while holding it (a condition wait releases it first; nothing else does today).
// Handing it over costs no time: the waker's wake latency is where the time goes.
class SimMutex final : public SyncMutex {
 public:
  explicit SimMutex(SimMachine& machine) : machine_(machine) {}
  void lock() override {
    while (locked_) {
      waiters_.push_back(machine_.current());
      machine_.block(kForever);
    }
    locked_ = true;
  }
  void unlock() override {
    locked_ = false;
    if (!waiters_.empty()) {
      Fiber* next = waiters_.front();
      waiters_.pop_front();
      machine_.wake(next);
    }
  }

 private:
  SimMachine& machine_;
  bool locked_ = false;
  std::deque<Fiber*> waiters_;
};

class SimCondition final : public SyncCondition {
 public:
  explicit SimCondition(SimMachine& machine) : machine_(machine) {}
  void wait(SyncMutex& mutex) override { waitUntil(mutex, kForever); }
  WaitResult waitFor(SyncMutex& mutex, Nanos timeout) override {
    return waitUntil(mutex, machine_.now() + std::max<Nanos>(timeout, 0));
  }
  void notifyOne() override {
    if (waiters_.empty()) return;
    Fiber* f = waiters_.front();
    waiters_.pop_front();
    machine_.wake(f);
  }
  void notifyAll() override {
    std::deque<Fiber*> all;
    all.swap(waiters_);
    for (Fiber* f : all)
      machine_.wake(f);
  }

 private:
  WaitResult waitUntil(SyncMutex& mutex, Nanos deadline) {
    Fiber* self = machine_.current();
    waiters_.push_back(self);
    mutex.unlock();
    bool woken = machine_.block(deadline);
    if (!woken) waiters_.erase(std::remove(waiters_.begin(), waiters_.end(), self), waiters_.end());
    mutex.lock();
    return woken ? WaitResult::Signalled : WaitResult::TimedOut;
  }

  SimMachine& machine_;
  std::deque<Fiber*> waiters_;  // in the order they waited: notifyOne wakes the first
};

class SimPlatform final : public SyncPlatform {
 public:
  explicit SimPlatform(SimMachine& machine) : machine_(machine) {}
  Nanos now() override { return machine_.now(); }
  std::unique_ptr<SyncMutex> makeMutex() override { return std::make_unique<SimMutex>(machine_); }
  std::unique_ptr<SyncCondition> makeCondition() override {
    return std::make_unique<SimCondition>(machine_);
  }
  int64_t processId() override { return machine_.pid(); }
  int64_t parentProcessId() override { return machine_.parentPid(); }

 private:
  SimMachine& machine_;
};

}  // namespace

std::unique_ptr<SyncPlatform> makeSimPlatform(SimMachine& machine) {
  return std::make_unique<SimPlatform>(machine);
}

}  // namespace gilsim
