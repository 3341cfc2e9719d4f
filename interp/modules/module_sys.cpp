// The sys module.
#include <algorithm>
#include <climits>
#include <optional>

#include "gil/gil_policy.h"
#include "gil/switch_interval.h"
#include "interp/common/version.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/class_object.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

Value sysExit(VM&, CallArgs args) {
  expectArgs("exit", args, 0, 1);
  std::vector<Value> exitArgs;
  if (args.count) exitArgs.push_back(args[0]);
  raiseException(newException(builtinTypes().SystemExit, std::move(exitArgs)));
}

Value sysGetrecursionlimit(VM& vm, CallArgs args) {
  expectArgs("getrecursionlimit", args, 0, 0);
  return Value::integer(vm.interp().recursionLimit());
}

Value sysSetrecursionlimit(VM& vm, CallArgs args) {
  expectArgs("setrecursionlimit", args, 1, 1);
  if (!isInt(args[0]))
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(args[0]));
  int64_t limit = toIndex(args[0], "limit");
  if (limit < 1) raiseValueError("recursion limit must be greater or equal than 1");
  if (limit <= vm.depth())
    raiseRecursionError(
        "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
        limit, vm.depth());
  vm.interp().setRecursionLimit(static_cast<int>(std::min<int64_t>(limit, INT_MAX)));
  return Value::none();
}

// sys.setswitchinterval: CPython keeps whole microseconds, at least 1 (gil/switch_interval.h).
Value sysSetswitchinterval(VM& vm, CallArgs args) {
  expectArgs("setswitchinterval", args, 1, 1);
  if (!isInt(args[0]) && !args[0].isFloat())
    raiseTypeError("must be real number, not {}", typeName(args[0]));
  std::optional<Nanos> interval = switchIntervalFromSeconds(toDouble(args[0]));
  if (!interval) raiseValueError("switch interval must be strictly positive");
  vm.interp().gil().setSwitchInterval(*interval);
  return Value::none();
}

Value sysGetswitchinterval(VM& vm, CallArgs args) {
  expectArgs("getswitchinterval", args, 0, 0);
  Nanos micros = vm.interp().gil().switchInterval() / kNanosPerMicro;
  return Value::real(static_cast<double>(micros) / 1e6);
}

// sys.setcheckinterval (Python 2 to 3.8): ticks between releases under the cpython-old policy.
Value sysSetcheckinterval(VM& vm, CallArgs args) {
  expectArgs("setcheckinterval", args, 1, 1);
  if (!isInt(args[0]))
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(args[0]));
  int64_t ticks = toIndex(args[0], "n");
  vm.interp().gil().setCheckInterval(static_cast<int>(std::clamp<int64_t>(ticks, 1, INT_MAX)));
  return Value::none();
}

Value sysGetcheckinterval(VM& vm, CallArgs args) {
  expectArgs("getcheckinterval", args, 0, 0);
  return Value::integer(vm.interp().gil().checkInterval());
}

Value streamWrite(VM& vm, CallArgs args, bool toErr) {
  expectMethodArgs("write", args, 1, 1);
  if (!isStr(args[1])) raiseTypeError("write() argument must be str, not {}", typeName(args[1]));
  if (toErr)
    vm.interp().writeErr(asStr(args[1])->str());
  else
    vm.interp().writeOut(asStr(args[1])->str());
  return Value::integer(static_cast<int64_t>(asStr(args[1])->length()));
}
Value stdoutWrite(VM& vm, CallArgs args) {
  return streamWrite(vm, args, false);
}
Value stderrWrite(VM& vm, CallArgs args) {
  return streamWrite(vm, args, true);
}
Value stdoutFlush(VM& vm, CallArgs) {
  vm.interp().flushOut();
  return Value::none();
}
Value stderrFlush(VM&, CallArgs) {
  return Value::none();  // stderr is written through at once
}

// sys.stdout / sys.stderr: minimal text streams (write, flush).
Value makeStream(VM& vm, const char* name, NativeFn write, NativeFn flush) {
  auto* type = new TypeObject(name, builtinTypes().object, Layout::Object);
  Value typeValue = Value::steal(type);
  type->moduleName = "_io";
  type->dict()->setStr("write", makeNativeMethod("write", write, name));
  type->dict()->setStr("flush", makeNativeMethod("flush", flush, name));
  (void)vm;
  return Value::steal(new InstanceObject(type));
}

}  // namespace

void initSysModule(VM& vm, ModuleObject* module) {
  DictObject* d = module->dict();
  std::vector<Value> argv;
  for (const std::string& a : vm.interp().config().argv)
    argv.push_back(makeStr(a));
  d->setStr("argv", makeList(std::move(argv)));
  d->setStr("exit", makeNative("exit", sysExit));
  d->setStr("getrecursionlimit", makeNative("getrecursionlimit", sysGetrecursionlimit));
  d->setStr("setrecursionlimit", makeNative("setrecursionlimit", sysSetrecursionlimit));
  d->setStr("setswitchinterval", makeNative("setswitchinterval", sysSetswitchinterval));
  d->setStr("getswitchinterval", makeNative("getswitchinterval", sysGetswitchinterval));
  d->setStr("setcheckinterval", makeNative("setcheckinterval", sysSetcheckinterval));
  d->setStr("getcheckinterval", makeNative("getcheckinterval", sysGetcheckinterval));
  d->setStr("maxsize", Value::integer(INT64_MAX));
  d->setStr("byteorder", makeStr("little"));
  d->setStr("platform", makeStr("linux"));
  d->setStr("implementation_name", makeStr("gilsim"));
  d->setStr("version", makeStr(std::string("3.11.0 (gilsim ") + kGilsimVersion + ")"));
  d->setStr("version_info", makeTuple({Value::integer(3), Value::integer(11), Value::integer(0),
                                       makeStr("final"), Value::integer(0)}));
  d->setStr("modules", Value::borrow(vm.interp().modules()));
  d->setStr("stdout", makeStream(vm, "TextIOWrapper", stdoutWrite, stdoutFlush));
  d->setStr("stderr", makeStream(vm, "TextIOWrapper", stderrWrite, stderrFlush));
}

}  // namespace gilsim
