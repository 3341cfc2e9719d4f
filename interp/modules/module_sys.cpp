// The sys module.
#include <algorithm>
#include <climits>
#include <limits>
#include <optional>

#include <unistd.h>

#include "gil/gil_policy.h"
#include "gil/switch_interval.h"
#include "interp/common/version.h"
#include "interp/modules/file_object.h"
#include "interp/modules/native_modules.h"
#include "interp/modules/struct_sequence.h"
#include "interp/modules/sys_sizeof.h"
#include "interp/objects/bytearray_object.h"
#include "interp/objects/class_object.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/int_str_limit.h"
#include "interp/objects/interned_names.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/set_object.h"
#include "interp/objects/str_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/stdlib_names.h"
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

// A struct sequence of `fields`, its type made on first use: sys's are the same in every
// interpreter of the process.
Value structSequence(const StructSequenceType& type, const StructFields& fields) {
  std::vector<Value> values;
  for (const auto& f : fields)
    values.push_back(f.second);
  return type.make(std::move(values));
}

std::vector<std::string> namesOf(const StructFields& fields) {
  std::vector<std::string> names;
  for (const auto& f : fields)
    names.push_back(f.first);
  return names;
}

// sys.int_info, sys.float_info, sys.flags, sys.version_info: CPython 3.11's fields and values
// (the flags of a plain `python3 script.py`).
Value makeIntInfo() {
  StructFields fields = {{"bits_per_digit", Value::integer(30)},
                         {"sizeof_digit", Value::integer(4)},
                         {"default_max_str_digits", Value::integer(kDefaultMaxStrDigits)},
                         {"str_digits_check_threshold", Value::integer(kStrDigitsCheckThreshold)}};
  static const StructSequenceType type("sys.int_info", namesOf(fields));
  return structSequence(type, fields);
}

Value makeFloatInfo() {
  using limits = std::numeric_limits<double>;
  StructFields fields = {{"max", Value::real(limits::max())},
                         {"max_exp", Value::integer(limits::max_exponent)},
                         {"max_10_exp", Value::integer(limits::max_exponent10)},
                         {"min", Value::real(limits::min())},
                         {"min_exp", Value::integer(limits::min_exponent)},
                         {"min_10_exp", Value::integer(limits::min_exponent10)},
                         {"dig", Value::integer(limits::digits10)},
                         {"mant_dig", Value::integer(limits::digits)},
                         {"epsilon", Value::real(limits::epsilon())},
                         {"radix", Value::integer(limits::radix)},
                         {"rounds", Value::integer(1)}};
  static const StructSequenceType type("sys.float_info", namesOf(fields));
  return structSequence(type, fields);
}

Value makeFlags() {
  auto zero = [] { return Value::integer(0); };
  StructFields fields = {{"debug", zero()},
                         {"inspect", zero()},
                         {"interactive", zero()},
                         {"optimize", zero()},
                         {"dont_write_bytecode", zero()},
                         {"no_user_site", zero()},
                         {"no_site", zero()},
                         {"ignore_environment", zero()},
                         {"verbose", zero()},
                         {"bytes_warning", zero()},
                         {"quiet", zero()},
                         {"hash_randomization", Value::integer(1)},
                         {"isolated", zero()},
                         {"dev_mode", Value::boolean(false)},
                         {"utf8_mode", zero()},
                         {"warn_default_encoding", zero()},
                         {"safe_path", Value::boolean(false)},
                         {"int_max_str_digits", Value::integer(-1)}};  // no -X option given
  static const StructSequenceType type("sys.flags", namesOf(fields));
  return structSequence(type, fields);
}

Value makeVersionInfo() {
  StructFields fields = {{"major", Value::integer(3)},
                         {"minor", Value::integer(11)},
                         {"micro", Value::integer(0)},
                         {"releaselevel", makeStr("final")},
                         {"serial", Value::integer(0)}};
  static const StructSequenceType type("sys.version_info", namesOf(fields));
  return structSequence(type, fields);
}

// sys.implementation: gilsim names itself, with the language version it implements; no
// bytecode cache (cache_tag None, as PEP 421 allows).
Value makeImplementation(Value versionInfo) {
  return makeSimpleNamespace({{"name", makeStr("gilsim")},
                              {"cache_tag", Value::none()},
                              {"version", std::move(versionInfo)},
                              {"hexversion", Value::integer(0x030B00F0)}});
}

Value sysIntern(VM&, CallArgs args) {
  expectArgs("intern", args, 1, 1);
  if (!isStr(args[0]) || args[0].type() != builtinTypes().str)
    raiseTypeError("intern() argument must be str, not {}", typeName(args[0]));
  return internStr(args[0]);
}

// The gilsim binary, which runs a script given to it as python3 would (`sys.executable x.py`
// is how scripts start helpers).
std::string executablePath() {
  char buffer[4096];
  ssize_t n = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : std::string();
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
  d->setStr("version_info", makeVersionInfo());
  d->setStr("hexversion", Value::integer(0x030B00F0));
  d->setStr("implementation", makeImplementation(d->getStr("version_info")));
  d->setStr("float_info", makeFloatInfo());
  d->setStr("flags", makeFlags());
  d->setStr("intern", makeNative("intern", sysIntern));
  d->setStr("executable", makeStr(executablePath()));
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
  auto* names = new SetObject(true);
  Value namesValue = Value::steal(names);
  for (std::string_view name : stdlibModuleNames())
    names->add(makeStr(std::string(name)));
  d->setStr("stdlib_module_names", namesValue);
}

}  // namespace gilsim
