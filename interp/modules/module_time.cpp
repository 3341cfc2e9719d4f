// The time module. sleep gives the GIL up (reason `sleep`) while it waits.
#include <cerrno>
#include <cmath>
#include <ctime>
#include <thread>

#include "interp/modules/native_modules.h"
#include "interp/objects/class_object.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/vm/gil_released.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

int64_t clockNs(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

template <clockid_t Clock>
Value seconds(VM&, CallArgs args) {
  expectArgs("time", args, 0, 0);
  return Value::real(static_cast<double>(clockNs(Clock)) / 1e9);
}

template <clockid_t Clock>
Value nanoseconds(VM&, CallArgs args) {
  expectArgs("time_ns", args, 0, 0);
  return Value::integer(clockNs(Clock));
}

Value timeSleep(VM& vm, CallArgs args) {
  expectArgs("sleep", args, 1, 1);
  if (!isInt(args[0]) && !args[0].isFloat())
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(args[0]));
  double secs = toDouble(args[0]);
  if (std::isnan(secs)) raiseValueError("Invalid value NaN (not a number)");
  if (secs < 0) raiseValueError("sleep length must be non-negative");
  if (secs > 1e9) raiseOverflowError("sleep length is too large");
  // nanosleep returns early with EINTR when Ctrl-C's handler runs: honour the interrupt at once
  // (CPython's sleep raises KeyboardInterrupt immediately too), else sleep the remainder.
  int64_t ns = static_cast<int64_t>(secs * 1e9);
  timespec want{static_cast<time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)};
  timespec left{};
  {
    GilReleased released(vm, DropReason::Sleep);
    while (nanosleep(&want, &left) != 0 && errno == EINTR && !vm.signalPending())
      want = left;
  }
  vm.checkSignals();
  return Value::none();
}

}  // namespace

void initTimeModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  d->setStr("time", makeNative("time", seconds<CLOCK_REALTIME>));
  d->setStr("time_ns", makeNative("time_ns", nanoseconds<CLOCK_REALTIME>));
  d->setStr("perf_counter", makeNative("perf_counter", seconds<CLOCK_MONOTONIC>));
  d->setStr("perf_counter_ns", makeNative("perf_counter_ns", nanoseconds<CLOCK_MONOTONIC>));
  d->setStr("monotonic", makeNative("monotonic", seconds<CLOCK_MONOTONIC>));
  d->setStr("monotonic_ns", makeNative("monotonic_ns", nanoseconds<CLOCK_MONOTONIC>));
  d->setStr("process_time", makeNative("process_time", seconds<CLOCK_PROCESS_CPUTIME_ID>));
  d->setStr("process_time_ns",
            makeNative("process_time_ns", nanoseconds<CLOCK_PROCESS_CPUTIME_ID>));
  d->setStr("thread_time", makeNative("thread_time", seconds<CLOCK_THREAD_CPUTIME_ID>));
  d->setStr("thread_time_ns", makeNative("thread_time_ns", nanoseconds<CLOCK_THREAD_CPUTIME_ID>));
  d->setStr("sleep", makeNative("sleep", timeSleep));
}

}  // namespace gilsim
