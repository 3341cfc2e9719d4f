// The _thread module: real OS threads running Python functions in the shared interpreter, and
// the locks. `threading` (interp/lib/threading.py) is written in Python on top of it, as
// CPython's is.
#include <unistd.h>

#include <atomic>
#include <memory>
#include <new>

#include "gil/gil_policy.h"
#include "gil/trace_recorder.h"
#include "interp/modules/lock_objects.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/run_aborted.h"
#include "interp/vm/thread_registry.h"
#include "interp/vm/thread_state.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

struct ThreadStart {
  Interpreter* interp;
  ThreadState* state;
  Value function;
  Value args;
  Value kwargs;
};

void runThreadFunction(VM& vm, ThreadStart& start) {
  try {
    std::vector<Value> positional;
    for (const Value& v : start.args.as<TupleObject>()->items())
      positional.push_back(v);
    std::vector<std::pair<std::string, Value>> keywords;
    if (!start.kwargs.isNull())
      for (const auto& e : start.kwargs.as<DictObject>()->entries()) {
        if (e.key.isNull()) continue;
        if (!isStr(e.key)) raiseTypeError("keywords must be strings");
        keywords.emplace_back(asStr(e.key)->str(), e.value);
      }
    vm.callWithKeywords(start.function, std::move(positional), std::move(keywords));
  } catch (PyException& e) {
    // As CPython's _thread: SystemExit ends the thread quietly, anything else is reported and
    // the other threads go on. (threading's Thread catches its own exceptions before this.)
    if (isInstance(e.exception, builtinTypes().SystemExit)) return;
    std::string what;
    try {
      what = repr(start.function);
    } catch (PyException&) {
      what = "<function>";
    }
    // CPython 3.8+ reports it through sys.unraisablehook with these words.
    vm.interp().writeErr("Exception ignored in thread started by: " + what + "\n");
    vm.interp().printException(vm, e.exception);
  } catch (const std::bad_alloc&) {
    // Memory ran out outside the eval loop (which turns it into MemoryError itself).
    vm.interp().writeErr("Exception ignored in thread started by a thread:\nMemoryError\n");
  } catch (RunAborted& e) {
    vm.interp().writeErr("gilsim: thread stopped: " + e.reason + "\n");
    vm.interp().noteThreadStopped();
  }
}

void threadMain(std::unique_ptr<ThreadStart> start) {
  Interpreter& interp = *start->interp;
  ThreadState& state = *start->state;
  Heap::Scope heapScope(interp.heap());
  VM& vm = state.vm();
  VM::Scope vmScope(&vm);
  vm.adoptCurrentThreadStack();
  interp.recorder().record(state.gil(), TraceEventKind::ThreadStart);
  interp.gil().take(state.gil());
  state.ident = interp.machine().threadIdent();
  state.nativeId = interp.machine().nativeThreadId();
  runThreadFunction(vm, *start);
  // Joiners wait on the sentinels: release them only once the thread's work is done.
  for (Value& sentinel : state.sentinels)
    static_cast<LockObject*>(sentinel.object())->releaseSentinel(vm);
  state.sentinels.clear();
  interp.threads().markFinished(state);
  start->function = start->args = start->kwargs = Value();
  vm.releaseValues();
  interp.gil().drop(state.gil(), DropReason::Exit);
  interp.recorder().record(state.gil(), TraceEventKind::ThreadExit);
  interp.threads().destroy(state);
}

Value startNewThread(VM& vm, CallArgs args) {
  expectArgs("start_new_thread", args, 2, 3);
  if (!isCallable(args[0])) raiseTypeError("first arg must be callable");
  if (args[1].type() != builtinTypes().tuple) raiseTypeError("2nd arg must be a tuple");
  if (args.count == 3 && args[2].type() != builtinTypes().dict)
    raiseTypeError("optional 3rd arg must be a dictionary");
  Interpreter& interp = vm.interp();
  ThreadState& state = interp.threads().create(/*isMain=*/false);
  auto start = std::make_shared<std::unique_ptr<ThreadStart>>(std::make_unique<ThreadStart>(
      ThreadStart{&interp, &state, args[0], args[1], args.count == 3 ? args[2] : Value()}));
  std::optional<uint64_t> ident =
      interp.machine().startThread([start] { threadMain(std::move(*start)); });
  if (!ident) {
    start->reset();
    interp.threads().destroy(state);
    raiseRuntimeError("can't start new thread");
  }
  return Value::integer(static_cast<int64_t>(*ident));
}

Value getIdent(VM& vm, CallArgs args) {
  expectArgs("get_ident", args, 0, 0);
  return Value::integer(static_cast<int64_t>(vm.thread().ident));
}

Value getNativeId(VM& vm, CallArgs args) {
  expectArgs("get_native_id", args, 0, 0);
  return Value::integer(vm.thread().nativeId);
}

Value threadCount(VM& vm, CallArgs args) {
  expectArgs("_count", args, 0, 0);
  return Value::integer(static_cast<int64_t>(vm.interp().threads().count()) - 1);
}

Value allocateLock(VM&, CallArgs args) {
  expectArgs("allocate_lock", args, 0, 0);
  return Value::steal(new LockObject());
}

Value newRLock(VM&, CallArgs args) {
  expectArgs("RLock", args, 0, 0);
  return Value::steal(new RLockObject());
}

Value setSentinel(VM& vm, CallArgs args) {
  expectArgs("_set_sentinel", args, 0, 0);
  auto* lock = new LockObject();
  Value value = Value::steal(lock);
  lock->acquire(vm, LockTimeout{});
  lock->setWaitName("Thread.join");
  vm.thread().sentinels.push_back(value);
  return value;
}

Value setThreadName(VM& vm, CallArgs args) {
  expectArgs("_set_thread_name", args, 1, 1);
  if (!isStr(args[0])) raiseTypeError("thread name must be str, not {}", typeName(args[0]));
  vm.interp().recorder().nameThread(vm.thread().gil().serial, asStr(args[0])->str());
  SyncLock lock(vm.interp().threads().mutex());
  vm.thread().name = asStr(args[0])->str();
  return Value::none();
}

Value printThreadException(VM& vm, CallArgs args) {
  expectArgs("_print_exception", args, 1, 1);
  if (!isExceptionInstance(args[0])) raiseTypeError("_print_exception() expects an exception");
  vm.interp().printException(vm, args[0]);
  return Value::none();
}

// stack_size([size]): CPython's checks and its answer (the previous size, 0 for the default);
// as in CPython, no argument means 0, so stack_size() resets the size it reports.
// gilsim records the size but starts threads with the platform's default stack: Python frames
// live on the VM's own stack, not the C one, so the size never limits Python recursion (the
// recursion limit does).
std::atomic<int64_t> gThreadStackSize{0};

Value stackSize(VM&, CallArgs args) {
  expectArgs("stack_size", args, 0, 1);
  int64_t previous = gThreadStackSize.load(std::memory_order_relaxed);
  int64_t size = args.count ? toIndex(args[0], "size") : 0;
  if (size != 0 && size < 32768) raiseValueError("size not valid: {} bytes", size);
  gThreadStackSize.store(size, std::memory_order_relaxed);
  return Value::integer(previous);
}

}  // namespace

void initThreadModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  d->setStr("start_new_thread", makeNative("start_new_thread", startNewThread));
  d->setStr("start_new", makeNative("start_new", startNewThread));
  d->setStr("stack_size", makeNative("stack_size", stackSize));
  d->setStr("get_ident", makeNative("get_ident", getIdent));
  d->setStr("get_native_id", makeNative("get_native_id", getNativeId));
  d->setStr("_count", makeNative("_count", threadCount));
  d->setStr("allocate_lock", makeNative("allocate_lock", allocateLock));
  d->setStr("allocate", makeNative("allocate", allocateLock));
  d->setStr("RLock", makeNative("RLock", newRLock));
  d->setStr("_set_sentinel", makeNative("_set_sentinel", setSentinel));
  d->setStr("_set_thread_name", makeNative("_set_thread_name", setThreadName));
  d->setStr("_print_exception", makeNative("_print_exception", printThreadException));
  d->setStr("LockType", Value::borrow(lockType()));
  d->setStr("error", Value::borrow(builtinTypes().RuntimeError));
  d->setStr("TIMEOUT_MAX", Value::real(lockTimeoutMax()));
}

}  // namespace gilsim
