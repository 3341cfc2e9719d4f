// The OS platform of gil/sync.h: CLOCK_MONOTONIC, and std::mutex with a condition variable that
// waits on the steady clock (glibc implements it with pthread_cond_clockwait on CLOCK_MONOTONIC,
// so a wall-clock change cannot stretch a switch interval).
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <mutex>

#include "gil/sync.h"

namespace gilsim {

namespace {

class OsMutex final : public SyncMutex {
 public:
  void lock() override { mutex_.lock(); }
  void unlock() override { mutex_.unlock(); }
  std::mutex& native() { return mutex_; }

 private:
  std::mutex mutex_;
};

class OsCondition final : public SyncCondition {
 public:
  void wait(SyncMutex& mutex) override {
    std::unique_lock<std::mutex> lock(native(mutex), std::adopt_lock);
    condition_.wait(lock);
    lock.release();
  }
  WaitResult waitFor(SyncMutex& mutex, Nanos timeout) override {
    std::unique_lock<std::mutex> lock(native(mutex), std::adopt_lock);
    std::cv_status status = condition_.wait_for(lock, std::chrono::nanoseconds(timeout));
    lock.release();
    return status == std::cv_status::timeout ? WaitResult::TimedOut : WaitResult::Signalled;
  }
  void notifyOne() override { condition_.notify_one(); }
  void notifyAll() override { condition_.notify_all(); }

 private:
  static std::mutex& native(SyncMutex& mutex) { return static_cast<OsMutex&>(mutex).native(); }
  std::condition_variable condition_;
};

class OsPlatform final : public SyncPlatform {
 public:
  Nanos now() override {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<Nanos>(ts.tv_sec) * kNanosPerSecond + ts.tv_nsec;
  }
  std::unique_ptr<SyncMutex> makeMutex() override { return std::make_unique<OsMutex>(); }
  std::unique_ptr<SyncCondition> makeCondition() override {
    return std::make_unique<OsCondition>();
  }
};

}  // namespace

int64_t SyncPlatform::processId() {
  return ::getpid();
}

int64_t SyncPlatform::parentProcessId() {
  return ::getppid();
}

SyncPlatform& osSyncPlatform() {
  static OsPlatform platform;
  return platform;
}

}  // namespace gilsim
