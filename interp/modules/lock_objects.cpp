#include "interp/modules/lock_objects.h"

#include <algorithm>
#include <cmath>

#include "interp/objects/containers.h"
#include "interp/objects/errors.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/vm/gil_released.h"
#include "interp/vm/thread_registry.h"

namespace gilsim {

namespace {

// CPython's _thread.TIMEOUT_MAX on Linux: the largest wait in seconds PyThread can express.
constexpr double kTimeoutMax = 9223372036.0;
// Waits longer than this (31 years) are treated as this, so deadlines cannot overflow.
constexpr double kLongestWaitSeconds = 1e9;

Nanos deadlineFor(SyncPlatform& platform, double seconds) {
  if (seconds < 0) return -1;
  return platform.now() +
         static_cast<Nanos>(std::min(seconds, kLongestWaitSeconds) * kNanosPerSecond);
}

template <class T>
T* self(CallArgs args, TypeObject* type) {
  if (args.count == 0 || args[0].type() != type)
    raiseTypeError("descriptor requires a '{}' object", type->name());
  return static_cast<T*>(args[0].object());
}

Value lockAcquire(VM& vm, CallArgs args) {
  return Value::boolean(self<LockObject>(args, lockType())->acquire(vm, parseLockTimeout(args, 1)));
}
Value lockRelease(VM& vm, CallArgs args) {
  expectMethodArgs("release", args, 0, 0);
  self<LockObject>(args, lockType())->release(vm);
  return Value::none();
}
Value lockExit(VM& vm, CallArgs args) {
  self<LockObject>(args, lockType())->release(vm);
  return Value::none();
}
Value lockLocked(VM& vm, CallArgs args) {
  expectMethodArgs("locked", args, 0, 0);
  return Value::boolean(self<LockObject>(args, lockType())->locked(vm));
}

Value rlockAcquire(VM& vm, CallArgs args) {
  return Value::boolean(
      self<RLockObject>(args, rlockType())->acquire(vm, parseLockTimeout(args, 1)));
}
Value rlockRelease(VM& vm, CallArgs args) {
  expectMethodArgs("release", args, 0, 0);
  self<RLockObject>(args, rlockType())->release(vm);
  return Value::none();
}
Value rlockExit(VM& vm, CallArgs args) {
  self<RLockObject>(args, rlockType())->release(vm);
  return Value::none();
}
Value rlockIsOwned(VM& vm, CallArgs args) {
  expectMethodArgs("_is_owned", args, 0, 0);
  return Value::boolean(self<RLockObject>(args, rlockType())->isOwned(vm));
}
Value rlockReleaseSave(VM& vm, CallArgs args) {
  expectMethodArgs("_release_save", args, 0, 0);
  int64_t count = self<RLockObject>(args, rlockType())->releaseAll(vm);
  return makeTuple({Value::integer(count),
                    Value::integer(static_cast<int64_t>(vm.thread().ident & 0x7fffffffffffffff))});
}
Value rlockAcquireRestore(VM& vm, CallArgs args) {
  expectMethodArgs("_acquire_restore", args, 1, 1);
  auto* lock = self<RLockObject>(args, rlockType());
  if (args[1].type() != builtinTypes().tuple || args[1].as<TupleObject>()->size() != 2 ||
      !isInt(args[1].as<TupleObject>()->items()[0]))
    raiseTypeError("_acquire_restore() argument 1 must be tuple (count, owner)");
  lock->acquireRestore(vm, toIndex(args[1].as<TupleObject>()->items()[0], "count"));
  return Value::none();
}

}  // namespace

LockTimeout parseLockTimeout(CallArgs args, size_t first) {
  LockTimeout t;
  Value blocking, timeout;
  size_t npos = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "blocking")
      blocking = v;
    else if (name == "timeout")
      timeout = v;
    else
      raiseTypeError("'{}' is an invalid keyword argument for acquire()", name);
  });
  if (npos > first + 2)
    raiseTypeError("acquire() takes at most 2 arguments ({} given)", npos - first);
  if (npos > first) blocking = args[first];
  if (npos > first + 1) timeout = args[first + 1];
  if (!blocking.isNull()) t.blocking = truthy(blocking);
  if (!timeout.isNull()) {
    t.seconds = toDouble(timeout);
    if (!t.blocking && t.seconds != -1)
      raiseValueError("can't specify a timeout for a non-blocking call");
    if (t.seconds < 0 && t.seconds != -1)
      raiseValueError("timeout value must be positive");  // CPython 3.11's wording
    if (t.seconds > kTimeoutMax) raiseOverflowError("timeout value is too large");
  }
  return t;
}

double lockTimeoutMax() {
  return kTimeoutMax;
}

LockObject::LockObject() : Object(lockType()) {}

bool LockObject::acquire(VM& vm, LockTimeout timeout, const char* what) {
  ThreadRegistry& registry = vm.interp().threads();
  {
    SyncLock lock(registry.mutex());
    if (!locked_) {
      locked_ = true;
      return true;
    }
  }
  if (!timeout.blocking) return false;
  Nanos deadline = deadlineFor(registry.platform(), timeout.seconds);
  bool got = false;
  bool interrupted = false;
  {
    GilReleased released(vm, DropReason::Wait);
    ThreadState& me = vm.thread();
    SyncLock lock(registry.mutex());
    for (;;) {
      if (!locked_) {
        locked_ = true;
        got = true;
        break;
      }
      waiters_.push_back(&me);
      ParkResult result = registry.park(me, lock, deadline, what);
      std::erase(waiters_, &me);
      if (result == ParkResult::Unparked) continue;  // released: try again (it may be taken)
      if (!locked_) {                                // released just as the wait ended
        locked_ = true;
        got = true;
      }
      interrupted = !got && result == ParkResult::Interrupted;
      break;
    }
  }
  if (interrupted) vm.checkSignals();
  return got;
}

void LockObject::release(VM& vm) {
  ThreadRegistry& registry = vm.interp().threads();
  {
    SyncLock lock(registry.mutex());
    if (locked_) {
      locked_ = false;
      if (!waiters_.empty()) {
        ThreadState* next = waiters_.front();
        waiters_.erase(waiters_.begin());
        registry.unpark(*next);
      }
      return;
    }
  }
  raiseRuntimeError("release unlocked lock");
}

void LockObject::releaseSentinel(VM& vm) {
  if (locked(vm)) release(vm);
}

bool LockObject::locked(VM& vm) {
  SyncLock lock(vm.interp().threads().mutex());
  return locked_;
}

RLockObject::RLockObject() : Object(rlockType()) {}

bool RLockObject::acquire(VM& vm, LockTimeout timeout) {
  ThreadState* me = &vm.thread();
  if (owner_ == me) {
    ++count_;
    return true;
  }
  if (!lock_.acquire(vm, timeout, "RLock.acquire")) return false;
  owner_ = me;
  count_ = 1;
  return true;
}

void RLockObject::release(VM& vm) {
  if (owner_ != &vm.thread() || count_ == 0) raiseRuntimeError("cannot release un-acquired lock");
  if (--count_ == 0) {
    owner_ = nullptr;
    lock_.release(vm);
  }
}

bool RLockObject::isOwned(VM& vm) {
  return owner_ == &vm.thread() && count_ > 0;
}

int64_t RLockObject::releaseAll(VM& vm) {
  if (!isOwned(vm)) raiseRuntimeError("cannot release un-acquired lock");
  int64_t count = count_;
  count_ = 0;
  owner_ = nullptr;
  lock_.release(vm);
  return count;
}

void RLockObject::acquireRestore(VM& vm, int64_t count) {
  lock_.acquire(vm, LockTimeout{}, "RLock.acquire");
  owner_ = &vm.thread();
  count_ = count;
}

TypeObject* lockType() {
  static TypeObject* type = makeNativeType("lock", "_thread",
                                           {{"acquire", lockAcquire},
                                            {"acquire_lock", lockAcquire},
                                            {"__enter__", lockAcquire},
                                            {"release", lockRelease},
                                            {"release_lock", lockRelease},
                                            {"__exit__", lockExit},
                                            {"locked", lockLocked},
                                            {"locked_lock", lockLocked}});
  return type;
}

TypeObject* rlockType() {
  static TypeObject* type = makeNativeType("RLock", "_thread",
                                           {{"acquire", rlockAcquire},
                                            {"__enter__", rlockAcquire},
                                            {"release", rlockRelease},
                                            {"__exit__", rlockExit},
                                            {"_is_owned", rlockIsOwned},
                                            {"_release_save", rlockReleaseSave},
                                            {"_acquire_restore", rlockAcquireRestore}});
  return type;
}

}  // namespace gilsim
