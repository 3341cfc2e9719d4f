// _thread.lock and _thread.RLock: the primitives every other threading object is built from.
//
// Their state is guarded by the thread registry's mutex, and a thread that has to wait parks in
// the registry (see thread_registry.h) after giving the GIL up with reason `wait`. The fast path,
// a free lock, does not touch the GIL.
#pragma once

#include <cstdint>
#include <vector>

#include "interp/objects/function_object.h"
#include "interp/objects/object.h"

namespace gilsim {

class ThreadState;
class VM;

// A wait's limit: forever, or seconds (CPython's `timeout` argument).
struct LockTimeout {
  bool blocking = true;
  double seconds = -1;  // negative: no limit
};

class LockObject : public Object {
 public:
  LockObject();
  // Returns whether the lock was taken; raises KeyboardInterrupt if Ctrl-C ended the wait.
  bool acquire(VM& vm, LockTimeout timeout) { return acquire(vm, timeout, waitName_); }
  bool acquire(VM& vm, LockTimeout timeout, const char* what);
  void release(VM& vm);  // RuntimeError when not locked
  bool locked(VM& vm);
  // Releases a lock the caller created locked (thread sentinels); no error if already released.
  void releaseSentinel(VM& vm);
  // What a thread parked on this lock is said to be blocked in (deadlock reports).
  void setWaitName(const char* name) { waitName_ = name; }

 private:
  friend class RLockObject;
  const char* waitName_ = "Lock.acquire";
  bool locked_ = false;                // guarded by the registry's mutex
  std::vector<ThreadState*> waiters_;  // guarded by the registry's mutex
};

class RLockObject : public Object {
 public:
  RLockObject();
  bool acquire(VM& vm, LockTimeout timeout);
  void release(VM& vm);
  bool isOwned(VM& vm);
  // Condition.wait's helpers: release completely, returning the count, and take it back.
  int64_t releaseAll(VM& vm);
  void acquireRestore(VM& vm, int64_t count);

 private:
  LockObject lock_;
  ThreadState* owner_ = nullptr;  // guarded by the GIL
  int64_t count_ = 0;             // guarded by the GIL
};

TypeObject* lockType();
TypeObject* rlockType();
// Parses CPython's (blocking=True, timeout=-1) arguments, with its errors.
LockTimeout parseLockTimeout(CallArgs args, size_t first);
double lockTimeoutMax();  // _thread.TIMEOUT_MAX

}  // namespace gilsim
