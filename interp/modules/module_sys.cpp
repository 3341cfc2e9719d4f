// The sys module.
#include <algorithm>
#include <climits>
#include <optional>

#include <unistd.h>

#include "gil/gil_policy.h"
#include "gil/switch_interval.h"
#include "interp/common/version.h"
#include "interp/modules/file_object.h"
#include "interp/modules/native_modules.h"
#include "interp/modules/sys_sizeof.h"
#include "interp/objects/bytearray_object.h"
#include "interp/objects/class_object.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/int_str_limit.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
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

// sys.set_int_max_str_digits(maxdigits): 0, or at least the check threshold (CPython 3.11).
Value sysSetIntMaxStrDigits(VM& vm, CallArgs args) {
  Value maxdigits;
  size_t npos = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name != "maxdigits")
      raiseTypeError("set_int_max_str_digits() got an unexpected keyword argument '{}'", name);
    maxdigits = v;
  });
  if (npos > 1 || (npos == 1 && !maxdigits.isNull()))
    raiseTypeError("set_int_max_str_digits() takes at most 1 argument ({} given)", args.count);
  if (npos == 1) maxdigits = args[0];
  if (maxdigits.isNull())
    raiseTypeError("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
  if (!isInt(maxdigits))
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(maxdigits));
  int64_t digits;
  if (!intFitsInt64(maxdigits, &digits) || digits > INT_MAX || digits < INT_MIN)
    raiseOverflowError("Python int too large to convert to C int");
  if (digits != 0 && digits < kStrDigitsCheckThreshold)
    raiseValueError("maxdigits must be 0 or larger than {}", kStrDigitsCheckThreshold);
  vm.interp().setIntMaxStrDigits(static_cast<int>(digits));
  return Value::none();
}

Value sysGetIntMaxStrDigits(VM& vm, CallArgs args) {
  expectArgs("get_int_max_str_digits", args, 0, 0);
  return Value::integer(vm.interp().intMaxStrDigits());
}

Value intInfoRepr(VM&, CallArgs) {
  return makeStr(
      fmt::format("sys.int_info(bits_per_digit=30, sizeof_digit=4, default_max_str_digits={}, "
                  "str_digits_check_threshold={})",
                  kDefaultMaxStrDigits, kStrDigitsCheckThreshold));
}

// sys.int_info: the fields CPython 3.11 has, readable by name, printed as CPython prints them.
// (A plain object, not a struct sequence: no indexing or unpacking.)
Value makeIntInfo() {
  auto* type = new TypeObject("int_info", builtinTypes().object, Layout::Object);
  Value typeValue = Value::steal(type);
  type->moduleName = "sys";
  DictObject* d = type->dict();
  d->setStr("bits_per_digit", Value::integer(30));
  d->setStr("sizeof_digit", Value::integer(4));
  d->setStr("default_max_str_digits", Value::integer(kDefaultMaxStrDigits));
  d->setStr("str_digits_check_threshold", Value::integer(kStrDigitsCheckThreshold));
  type->dict()->setStr("__repr__", makeNativeMethod("__repr__", intInfoRepr, "int_info"));
  return Value::steal(new InstanceObject(type));
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

// sys.stdout.buffer / sys.stderr.buffer: bytes written as they are.
Value bufferWrite(VM& vm, CallArgs args, bool toErr) {
  expectMethodArgs("write", args, 1, 1);
  const std::string* bytes = bytesLikeData(args[1]);
  if (!bytes) raiseTypeError("a bytes-like object is required, not '{}'", typeName(args[1]));
  const std::string& data = *bytes;
  if (toErr)
    vm.interp().writeErr(data);
  else
    vm.interp().writeOut(data);
  return Value::integer(static_cast<int64_t>(data.size()));
}
Value stdoutBufferWrite(VM& vm, CallArgs args) {
  return bufferWrite(vm, args, false);
}
Value stderrBufferWrite(VM& vm, CallArgs args) {
  return bufferWrite(vm, args, true);
}

Value makeStreamObject(const char* typeName, NativeFn write, NativeFn flush) {
  auto* type = new TypeObject(typeName, builtinTypes().object, Layout::Object);
  Value typeValue = Value::steal(type);
  type->moduleName = "_io";
  type->dict()->setStr("write", makeNativeMethod("write", write, typeName));
  type->dict()->setStr("flush", makeNativeMethod("flush", flush, typeName));
  return Value::steal(new InstanceObject(type));
}

// sys.stdout / sys.stderr: minimal text streams (write, flush) with a binary .buffer.
Value makeStream(const char* name, NativeFn write, NativeFn writeBytes, NativeFn flush) {
  Value stream = makeStreamObject("TextIOWrapper", write, flush);
  DictObject* d = stream.as<InstanceObject>()->dict();
  d->setStr("buffer", makeStreamObject("BufferedWriter", writeBytes, flush));
  d->setStr("name", makeStr(name));
  d->setStr("encoding", makeStr("utf-8"));
  return stream;
}

// sys.stdin: a text file over a duplicate of descriptor 0 (closing it leaves the process's stdin
// open); its reads give the GIL up (reason `io`) like every file's.
Value makeStdin() {
  int fd = ::dup(0);
  std::FILE* file = fd >= 0 ? ::fdopen(fd, "rb") : nullptr;
  if (!file) {
    if (fd >= 0) ::close(fd);
    return Value::none();  // no descriptor 0: CPython's sys.stdin is None then too
  }
  return Value::steal(new FileObject(file, "<stdin>", "r", false));
}

// getrefcount: the object's count, which includes the argument's own reference as CPython's
// does. Values gilsim keeps inline (small ints, floats, bools, None) and immortal objects have
// no count: CPython shows a large one for its shared objects, so does this.
Value sysGetrefcount(VM&, CallArgs args) {
  expectArgs("getrefcount", args, 1, 1);
  if (args[0].tag() == Tag::Object) return Value::integer(args[0].object()->refcount());
  return Value::integer(UINT32_MAX);
}

// exc_info() and exception(): the exception an `except` block on this thread is handling (the
// innermost), or Nones. gilsim keeps no traceback objects, so the third item is None.
Value sysExcInfo(VM& vm, CallArgs args) {
  expectArgs("exc_info", args, 0, 0);
  const Value& e = vm.handledException;
  if (e.isNull()) return makeTuple({Value::none(), Value::none(), Value::none()});
  return makeTuple({Value::borrow(e.type()), e, Value::none()});
}

Value sysException(VM& vm, CallArgs args) {
  expectArgs("exception", args, 0, 0);
  return vm.handledException.isNull() ? Value::none() : vm.handledException;
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
  d->setStr("set_int_max_str_digits", makeNative("set_int_max_str_digits", sysSetIntMaxStrDigits));
  d->setStr("get_int_max_str_digits", makeNative("get_int_max_str_digits", sysGetIntMaxStrDigits));
  d->setStr("int_info", makeIntInfo());
  d->setStr("maxsize", Value::integer(INT64_MAX));
  d->setStr("byteorder", makeStr("little"));
  d->setStr("platform", makeStr("linux"));
  d->setStr("implementation_name", makeStr("gilsim"));
  d->setStr("version", makeStr(std::string("3.11.0 (gilsim ") + kGilsimVersion + ")"));
  d->setStr("version_info", makeTuple({Value::integer(3), Value::integer(11), Value::integer(0),
                                       makeStr("final"), Value::integer(0)}));
  d->setStr("modules", Value::borrow(vm.interp().modules()));
  d->setStr("path", Value::borrow(vm.interp().searchPath()));
  d->setStr("stdout", makeStream("<stdout>", stdoutWrite, stdoutBufferWrite, stdoutFlush));
  d->setStr("stderr", makeStream("<stderr>", stderrWrite, stderrBufferWrite, stderrFlush));
  d->setStr("stdin", makeStdin());
  d->setStr("__stdout__", d->getStr("stdout"));
  d->setStr("__stderr__", d->getStr("stderr"));
  d->setStr("__stdin__", d->getStr("stdin"));
  d->setStr("getrefcount", makeNative("getrefcount", sysGetrefcount));
  d->setStr("exc_info", makeNative("exc_info", sysExcInfo));
  d->setStr("exception", makeNative("exception", sysException));
  d->setStr("getsizeof", makeNative("getsizeof", sysGetsizeof));
}

}  // namespace gilsim
