// The signal module: the signal numbers, and Python handlers as CPython runs them: the C handler
// only marks the signal (interp/vm/pending_signals.h) and wakes the main thread, which calls the
// Python handler at its next check point or when its blocking call returns. Without a handler
// SIGINT raises KeyboardInterrupt in the main thread (default_int_handler).
//
//   signal(signalnum, handler)   handler: a callable, SIG_IGN or SIG_DFL; the previous one back
//   getsignal(signalnum), default_int_handler, raise_signal, alarm, strsignal, valid_signals
//
// Under --sim, Python handlers and alarm() are refused: signals arrive on real time, which a
// simulated run cannot replay. SIG_IGN and SIG_DFL (a Pool initializer's idiom) work there.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

#include "gil/eval_breaker.h"
#include "gil/machine.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/set_object.h"
#include "interp/objects/str_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/pending_signals.h"
#include "interp/vm/thread_state.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

constexpr int kSigDfl = 0;  // CPython's Handlers.SIG_DFL and SIG_IGN
constexpr int kSigIgn = 1;

// The main thread's eval breaker, for the C handler (async-signal-safe: an atomic load and set).
std::atomic<EvalBreaker*> gTarget{nullptr};

extern "C" void onPythonSignal(int signum) {
  markSignalPending(signum);
  if (EvalBreaker* target = gTarget.load()) target->set(kSignalRequest);
}

int signalArgument(const Value& v) {
  if (!isInt(v)) raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(v));
  int64_t n = toIndex(v, "signalnum");
  if (n < 1 || n >= NSIG) raiseValueError("signal number out of range");
  return static_cast<int>(n);
}

DictObject* handlers(VM& vm) {
  Value module = vm.interp().modules()->getStr("signal");
  return module.as<ModuleObject>()->dict()->getStr("_handlers").as<DictObject>();
}

Value defaultIntHandler(VM&, CallArgs) {
  raiseException(newException(builtinTypes().KeyboardInterrupt, std::vector<Value>{}));
}

// What getsignal reports: the Python handler, else the OS's disposition.
Value currentHandler(VM& vm, int signum) {
  Value python = handlers(vm)->get(Value::integer(signum));
  if (!python.isNull()) return python;
  struct sigaction old {};
  if (::sigaction(signum, nullptr, &old) != 0) return Value::none();
  if (old.sa_handler == SIG_IGN) return Value::integer(kSigIgn);
  if (old.sa_handler == SIG_DFL) return Value::integer(kSigDfl);
  if (signum == SIGINT) {  // the CLI's Ctrl-C handler: KeyboardInterrupt, as CPython's default
    Value module = vm.interp().modules()->getStr("signal");
    return module.as<ModuleObject>()->dict()->getStr("default_int_handler");
  }
  return Value::none();  // a handler installed outside Python
}

Value signalSignal(VM& vm, CallArgs args) {
  expectArgs("signal", args, 2, 2);
  int signum = signalArgument(args[0]);
  const Value& handler = args[1];
  if (!vm.thread().isMain())
    raiseValueError("signal only works in main thread of the main interpreter");
  if (signum == SIGKILL || signum == SIGSTOP) raiseOsError(EINVAL);
  bool ignore = isInt(handler) && !handler.isBool() && intSign(handler) != 0;
  bool byDefault = isInt(handler) && !handler.isBool() && intSign(handler) == 0;
  if ((ignore || byDefault) && toIndex(handler, "handler") > kSigIgn)
    raiseTypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  if (!ignore && !byDefault && !isCallable(handler))
    raiseTypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  if (!ignore && !byDefault && vm.interp().machine().simulated())
    raiseOSError(
        "signal handlers are not supported under --sim (signals arrive on real time, which a "
        "simulated run cannot replay)");
  Value previous = currentHandler(vm, signum);
  struct sigaction action {};
  sigemptyset(&action.sa_mask);
  // No SA_RESTART: a blocking call returns EINTR and the handler runs, as the CLI's SIGINT does.
  action.sa_handler = ignore ? SIG_IGN : byDefault ? SIG_DFL : onPythonSignal;
  gTarget.store(&vm.interp().interruptTarget());
  if (::sigaction(signum, &action, nullptr) != 0) raiseOsError(errno);
  if (ignore || byDefault)
    handlers(vm)->remove(Value::integer(signum));
  else
    handlers(vm)->set(Value::integer(signum), handler);
  return previous;
}

Value signalGetsignal(VM& vm, CallArgs args) {
  expectArgs("getsignal", args, 1, 1);
  return currentHandler(vm, signalArgument(args[0]));
}

Value signalRaiseSignal(VM& vm, CallArgs args) {
  expectArgs("raise_signal", args, 1, 1);
  if (::raise(signalArgument(args[0])) != 0) raiseOsError(errno);
  vm.checkSignals();  // its handler runs now, as CPython's does
  return Value::none();
}

Value signalAlarm(VM& vm, CallArgs args) {
  expectArgs("alarm", args, 1, 1);
  if (vm.interp().machine().simulated())
    raiseOSError("signal.alarm() is not supported under --sim (it counts real time)");
  int64_t seconds = toIndex(args[0], "seconds");
  if (seconds < 0) raiseOverflowError("Python int too large to convert to C unsigned long");
  return Value::integer(::alarm(static_cast<unsigned>(seconds)));
}

Value signalStrsignal(VM&, CallArgs args) {
  expectArgs("strsignal", args, 1, 1);
  const char* text = ::strsignal(signalArgument(args[0]));
  return text ? makeStr(text) : Value::none();
}

Value signalValidSignals(VM&, CallArgs args) {
  expectArgs("valid_signals", args, 0, 0);
  auto* set = new SetObject(false);
  Value result = Value::steal(set);
  for (int s = 1; s < NSIG; ++s)
    if (s < 32 || s >= SIGRTMIN) set->add(Value::integer(s));
  return result;
}

}  // namespace

void initSignalModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  struct Named {
    const char* name;
    int number;
  };
  constexpr Named kSignals[] = {
      {"SIGHUP", SIGHUP},       {"SIGINT", SIGINT},   {"SIGQUIT", SIGQUIT},   {"SIGILL", SIGILL},
      {"SIGTRAP", SIGTRAP},     {"SIGABRT", SIGABRT}, {"SIGBUS", SIGBUS},     {"SIGFPE", SIGFPE},
      {"SIGKILL", SIGKILL},     {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},   {"SIGUSR2", SIGUSR2},
      {"SIGPIPE", SIGPIPE},     {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},   {"SIGCHLD", SIGCHLD},
      {"SIGCONT", SIGCONT},     {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP},   {"SIGTTIN", SIGTTIN},
      {"SIGTTOU", SIGTTOU},     {"SIGURG", SIGURG},   {"SIGXCPU", SIGXCPU},   {"SIGXFSZ", SIGXFSZ},
      {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO},
      {"SIGSYS", SIGSYS},
  };
  for (const Named& s : kSignals)
    d->setStr(s.name, Value::integer(s.number));
  d->setStr("NSIG", Value::integer(NSIG));
  d->setStr("SIG_DFL", Value::integer(kSigDfl));
  d->setStr("SIG_IGN", Value::integer(kSigIgn));
  d->setStr("_handlers", makeDict());
  d->setStr("default_int_handler", makeNative("default_int_handler", defaultIntHandler));
  d->setStr("signal", makeNative("signal", signalSignal));
  d->setStr("getsignal", makeNative("getsignal", signalGetsignal));
  d->setStr("raise_signal", makeNative("raise_signal", signalRaiseSignal));
  d->setStr("alarm", makeNative("alarm", signalAlarm));
  d->setStr("strsignal", makeNative("strsignal", signalStrsignal));
  d->setStr("valid_signals", makeNative("valid_signals", signalValidSignals));
}

}  // namespace gilsim
