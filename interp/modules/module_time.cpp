// The time module, on the machine's clocks (gil/machine.h). sleep gives the GIL up (reason
// `sleep`) while it waits.
#include <cmath>

#include "gil/machine.h"

#include "interp/modules/native_modules.h"
#include "interp/modules/time_calendar.h"
#include "interp/objects/class_object.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/vm/gil_released.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

// Every clock is the machine's: the OS clocks on the real machine, virtual ones under --sim.
enum class Clock { Wall, Monotonic, ProcessCpu, ThreadCpu };

Nanos readClock(VM& vm, Clock clock) {
  Machine& machine = vm.interp().machine();
  switch (clock) {
    case Clock::Wall:
      return machine.wallTime();
    case Clock::Monotonic:
      return machine.monotonicTime();
    case Clock::ProcessCpu:
      return machine.processCpuTime();
    case Clock::ThreadCpu:
      return machine.threadCpuTime();
  }
  return 0;
}

template <Clock C>
Value seconds(VM& vm, CallArgs args) {
  expectArgs("time", args, 0, 0);
  return Value::real(static_cast<double>(readClock(vm, C)) / 1e9);
}

template <Clock C>
Value nanoseconds(VM& vm, CallArgs args) {
  expectArgs("time_ns", args, 0, 0);
  return Value::integer(readClock(vm, C));
}

Value timeSleep(VM& vm, CallArgs args) {
  expectArgs("sleep", args, 1, 1);
  if (!isInt(args[0]) && !args[0].isFloat())
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(args[0]));
  double secs = toDouble(args[0]);
  if (std::isnan(secs)) raiseValueError("Invalid value NaN (not a number)");
  if (secs < 0) raiseValueError("sleep length must be non-negative");
  if (secs > 1e9) raiseOverflowError("sleep length is too large");
  {
    GilReleased released(vm, DropReason::Sleep);
    vm.interp().machine().sleep(static_cast<Nanos>(secs * 1e9), vm.breaker());
  }
  vm.checkSignals();
  return Value::none();
}

double wallSeconds(VM& vm) {
  return static_cast<double>(readClock(vm, Clock::Wall)) / 1e9;
}

}  // namespace

void initTimeModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  addTimeCalendar(d, wallSeconds);
  d->setStr("time", makeNative("time", seconds<Clock::Wall>));
  d->setStr("time_ns", makeNative("time_ns", nanoseconds<Clock::Wall>));
  d->setStr("perf_counter", makeNative("perf_counter", seconds<Clock::Monotonic>));
  d->setStr("perf_counter_ns", makeNative("perf_counter_ns", nanoseconds<Clock::Monotonic>));
  d->setStr("monotonic", makeNative("monotonic", seconds<Clock::Monotonic>));
  d->setStr("monotonic_ns", makeNative("monotonic_ns", nanoseconds<Clock::Monotonic>));
  d->setStr("process_time", makeNative("process_time", seconds<Clock::ProcessCpu>));
  d->setStr("process_time_ns", makeNative("process_time_ns", nanoseconds<Clock::ProcessCpu>));
  d->setStr("thread_time", makeNative("thread_time", seconds<Clock::ThreadCpu>));
  d->setStr("thread_time_ns", makeNative("thread_time_ns", nanoseconds<Clock::ThreadCpu>));
  d->setStr("sleep", makeNative("sleep", timeSleep));
}

}  // namespace gilsim
