// The threads of an interpreter, and the one place where they block on each other.
//
// Every wait on another Python thread (Lock and RLock acquire, and so everything threading and
// queue build on them, and joins) parks the waiting thread here, under the registry's mutex, and
// every wake-up goes through unpark. That makes "every thread is blocked forever" an exact fact
// rather than a guess: when the last running thread parks with no timeout (or ends while the
// others are parked), nothing can ever wake any of them. CPython hangs there; gilsim prints each
// thread's stack and exits with status 3.
//
// Lock order: the GIL before the registry's mutex. A thread never takes the GIL while it holds
// the registry's mutex, so a thread parks only after it has dropped the GIL.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "gil/sync.h"

namespace gilsim {

class Interpreter;
class ThreadState;

enum class ParkResult { Unparked, TimedOut, Interrupted };

// What the child of fork() abandons (the old GIL, other threads' states, mutexes and conditions
// that a vanished thread may hold) is never freed; a global list keeps it reachable, so that leak
// checkers do not report it when the child ends normally.
void keepAbandonedAfterFork(const void* object);

class ThreadRegistry {
 public:
  ThreadRegistry(Interpreter& interp, SyncPlatform& platform);
  ~ThreadRegistry();

  // A new thread, registered (so it counts as running) before its OS thread starts.
  ThreadState& create(bool isMain);
  // Removes the thread (which has dropped the GIL for good) and frees it.
  void destroy(ThreadState& thread);
  size_t count();
  // Threads whose Python code has not finished yet (the main thread included).
  size_t unfinishedCount();
  void markFinished(ThreadState& thread);
  // The threads, for threading.enumerate and reports; the caller holds mutex().
  const std::vector<std::unique_ptr<ThreadState>>& threadsLocked() const { return threads_; }

  // In the child of fork(): the registry keeps only `survivor`, the thread that forked. The
  // other threads do not exist in the child: their states are abandoned (never run, never freed,
  // since their frames may hold anything) and the mutex, which one of them may have held at the
  // fork, is replaced. Locks they held stay locked, as in CPython.
  // `osThreads`: the vanished threads were OS threads, whose stacks LeakSanitizer must scan (the
  // simulated machine's fibers keep their own stacks reachable).
  void keepOnlyAfterFork(ThreadState& survivor, bool osThreads);

  SyncMutex& mutex() { return *mutex_; }
  SyncPlatform& platform() { return platform_; }
  // Parks `self` until unpark(self), until `deadline` (platform nanoseconds; negative: never) or,
  // on the main thread, until Ctrl-C. The caller holds mutex() through `lock` and not the GIL.
  ParkResult park(ThreadState& self, SyncLock& lock, Nanos deadline, const char* what);
  // Wakes a parked thread; the caller holds mutex().
  void unpark(ThreadState& thread);

  // What happens when every thread is parked forever: by default print the report to the
  // interpreter's stderr and exit with kExitDeadlock. Called with mutex() held.
  std::function<void(const std::string& report)> onDeadlock;

 private:
  void checkDeadlockLocked();
  std::string deadlockReportLocked();

  Interpreter& interp_;
  SyncPlatform& platform_;
  std::unique_ptr<SyncMutex> mutex_;
  std::vector<std::unique_ptr<ThreadState>> threads_;  // guarded by mutex_
  size_t parkedForever_ = 0;                           // guarded by mutex_
  uint64_t nextSerial_ = 1;                            // guarded by mutex_
};

}  // namespace gilsim
