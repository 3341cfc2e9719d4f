// The process functions of the os module: fork, waitpid, kill, _exit and friends, the primitives
// multiprocessing (interp/lib/multiprocessing/) is built on. A wait for a child gives the GIL up
// (reason `wait`) without parking in the thread registry: a child can always end, so a thread
// waiting for one never counts toward a deadlock.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>

#include "gil/machine.h"
#include "gil/trace_recorder.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/vm/gil_released.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/thread_state.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

int intArgument(const Value& v, const char* what) {
  if (!isInt(v)) raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(v));
  int64_t n = toIndex(v, what);
  if (n < INT32_MIN || n > INT32_MAX) raiseOverflowError("signed integer is greater than maximum");
  return static_cast<int>(n);
}

Value osFork(VM& vm, CallArgs args) {
  expectArgs("fork", args, 0, 0);
  Interpreter& interp = vm.interp();
  // Unwritten output would be written twice, once by each process.
  interp.flushOutQuietly();
  std::fflush(interp.config().err);
  interp.recorder().prepareFork();
  int64_t pid = interp.machine().forkProcess(nullptr);
  if (pid != 0) interp.recorder().afterForkInParent();
  if (pid < 0) raiseOsError(errno);
  if (pid == 0) {
    interp.afterForkInChild(vm.thread());
    // As CPython's PyOS_AfterFork_Child: threading forgets the threads that do not exist here.
    Value threading = interp.modules()->getStr("threading");
    if (threading.isObject() && threading.type()->layout() == Layout::Module) {
      Value afterFork = threading.as<ModuleObject>()->dict()->getStr("_after_fork");
      if (!afterFork.isNull()) vm.call(afterFork, {});
    }
  }
  return Value::integer(pid);
}

Value osWaitpid(VM& vm, CallArgs args) {
  expectArgs("waitpid", args, 2, 2);
  int pid = intArgument(args[0], "pid");
  int options = intArgument(args[1], "options");
  Machine& machine = vm.interp().machine();
  int status = 0;
  int64_t got;
  int error = 0;
  if (options & WNOHANG) {
    got = machine.waitChild(pid, /*noHang=*/true, &status, vm.breaker());
    if (got < 0) error = errno;
  } else {
    GilReleased released(vm, DropReason::Wait);
    got = machine.waitChild(pid, /*noHang=*/false, &status, vm.breaker());
    if (got < 0) error = errno;
  }
  // A child that was reaped is returned even when Ctrl-C came meanwhile: its status exists only
  // here, and losing it would leave the exit function signalling a pid that is gone (issue
  // 15). The interrupt is raised at the next check point instead.
  if (got < 0) {
    vm.checkSignals();
    raiseOsError(error);
  }
  return makeTuple({Value::integer(got), Value::integer(status)});
}

Value osWaitstatusToExitcode(VM&, CallArgs args) {
  expectArgs("waitstatus_to_exitcode", args, 1, 1);
  int status = intArgument(args[0], "status");
  if (WIFEXITED(status)) return Value::integer(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return Value::integer(-WTERMSIG(status));
  raiseValueError("invalid wait status: {}", status);
}

Value osKill(VM& vm, CallArgs args) {
  expectArgs("kill", args, 2, 2);
  int pid = intArgument(args[0], "pid");
  int signal = intArgument(args[1], "signal");
  if (vm.interp().machine().sendSignal(pid, signal) != 0) raiseOsError(errno);
  return Value::none();
}

Value osExit(VM& vm, CallArgs args) {
  expectArgs("_exit", args, 1, 1);
  // As CPython's os._exit: no cleanup, no flushing of buffered output; but a traced run still
  // keeps what this process recorded.
  int status = intArgument(args[0], "status");
  vm.interp().processEnding(status, &vm.thread());
  ::_exit(status);
}

// os.system: /bin/sh -c command, its raw wait status back, the GIL given up (reason `wait`)
// meanwhile. A simulated run refuses it: the shell's time would be the host's, not virtual.
Value osSystem(VM& vm, CallArgs args) {
  expectArgs("system", args, 1, 1);
  if (!isStr(args[0]))
    raiseTypeError("system() argument 'command' must be str, not {}", typeName(args[0]));
  Machine& machine = vm.interp().machine();
  if (machine.simSettings())
    raiseOSError("os.system() is not supported under --sim (a shell runs on real time)");
  std::string command = asStr(args[0])->str();
  if (command.find('\0') != std::string::npos) raiseValueError("embedded null byte");
  // The shell writes to the same stdout: what the script printed before comes first.
  vm.interp().flushOutQuietly();
  std::fflush(vm.interp().config().err);
  const char* argv[] = {"sh", "-c", command.c_str(), nullptr};
  pid_t pid;
  int spawned = posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ);
  if (spawned != 0) return Value::integer(-1);
  int status = 0;
  int64_t got;
  {
    GilReleased released(vm, DropReason::Wait);
    do {
      got = machine.waitChild(pid, /*noHang=*/false, &status, vm.breaker());
    } while (got < 0 && errno == EINTR);
  }
  vm.checkSignals();
  return Value::integer(got < 0 ? -1 : status);
}

Value osGetppid(VM& vm, CallArgs args) {
  expectArgs("getppid", args, 0, 0);
  return Value::integer(vm.interp().machine().platform().parentProcessId());
}

}  // namespace

void addOsProcessFunctions(DictObject* d) {
  d->setStr("fork", makeNative("fork", osFork));
  d->setStr("waitpid", makeNative("waitpid", osWaitpid));
  d->setStr("waitstatus_to_exitcode", makeNative("waitstatus_to_exitcode", osWaitstatusToExitcode));
  d->setStr("kill", makeNative("kill", osKill));
  d->setStr("_exit", makeNative("_exit", osExit));
  d->setStr("getppid", makeNative("getppid", osGetppid));
  d->setStr("system", makeNative("system", osSystem));
  d->setStr("WNOHANG", Value::integer(WNOHANG));
}

}  // namespace gilsim
