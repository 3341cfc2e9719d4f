// The platform the GIL policies run on, behind a handful of names: a clock, a mutex, a condition
// variable whose timed wait says whether it was signalled, and per-thread eval breakers.
//
// Policies (gil/policies/) see nothing else: no std::chrono, no std::condition_variable. The OS
// platform (os_sync.cpp) maps these onto the monotonic clock and pthreads; the deterministic
// simulated platform maps them onto a virtual clock and fibers, and the same policy code runs on
// both.
#pragma once

#include <cstdint>
#include <memory>

namespace gilsim {

// Nanoseconds on the platform's monotonic clock.
using Nanos = int64_t;
inline constexpr Nanos kNanosPerMicro = 1000;
inline constexpr Nanos kNanosPerMilli = 1000 * 1000;
inline constexpr Nanos kNanosPerSecond = 1000 * 1000 * 1000;

class SyncMutex {
 public:
  virtual ~SyncMutex() = default;
  virtual void lock() = 0;
  virtual void unlock() = 0;
};

enum class WaitResult { Signalled, TimedOut };

class SyncCondition {
 public:
  virtual ~SyncCondition() = default;
  // The caller holds `mutex`; it is released while waiting and held again on return. Spurious
  // wake-ups are possible (callers loop on their predicate).
  virtual void wait(SyncMutex& mutex) = 0;
  // Waits until signalled or until `timeout` has passed. TimedOut means the time ran out, which
  // CPython's take_gil relies on to tell "nobody dropped" from "someone dropped".
  virtual WaitResult waitFor(SyncMutex& mutex, Nanos timeout) = 0;
  virtual void notifyOne() = 0;
  virtual void notifyAll() = 0;
};

class SyncPlatform {
 public:
  virtual ~SyncPlatform() = default;
  virtual Nanos now() = 0;
  virtual std::unique_ptr<SyncMutex> makeMutex() = 0;
  virtual std::unique_ptr<SyncCondition> makeCondition() = 0;
  // The process's id and its parent's, as os.getpid()/getppid() and the trace report them: the
  // host's on the real platform, virtual ones on the simulated machine (nothing of the host may
  // leak into a simulated run's output).
  virtual int64_t processId();
  virtual int64_t parentProcessId();
};

// The real platform: CLOCK_MONOTONIC and pthread mutexes and conditions.
SyncPlatform& osSyncPlatform();

// Scoped lock over a SyncMutex.
class SyncLock {
 public:
  explicit SyncLock(SyncMutex& mutex) : mutex_(mutex) { mutex_.lock(); }
  ~SyncLock() { mutex_.unlock(); }
  SyncLock(const SyncLock&) = delete;
  SyncLock& operator=(const SyncLock&) = delete;
  SyncMutex& mutex() { return mutex_; }

 private:
  SyncMutex& mutex_;
};

}  // namespace gilsim
