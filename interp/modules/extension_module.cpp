#include "interp/modules/extension_module.h"

#include <dlfcn.h>
#include <time.h>

#include <algorithm>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "gil/machine.h"
#include "interp/objects/class_object.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/vm/gil_released.h"

// The call context the C functions see. The api pointer must come first: gilsim_call_api reads
// it from there.
struct gilsim_call {
  const gilsim_api* api;
  gilsim::VM* vm;
  gilsim::CallArgs args;  // the callee object is args[0]; the C function's arguments follow
  std::variant<std::monostate, int64_t, double, std::string, std::pair<std::string, bool>> result;
  std::optional<std::pair<gilsim_error_kind, std::string>> error;
  std::optional<gilsim::GilReleased> released;
  // The simulated machine: whether charge_time was called since release_gil, and the OS thread's
  // real CPU time at release_gil (what is charged when it was not).
  bool charged = false;
  int64_t cpuAtRelease = 0;
};

struct gilsim_module {
  gilsim::VM* vm;
  gilsim::ModuleObject* module;
};

namespace gilsim {

namespace {

class ExtensionFunction : public Object {
 public:
  ExtensionFunction(std::string name, gilsim_function fn);
  std::string name;
  gilsim_function fn;
};

const gilsim_api& api();

TypeObject* extensionFunctionType();

ExtensionFunction::ExtensionFunction(std::string n, gilsim_function f)
    : Object(extensionFunctionType()), name(std::move(n)), fn(f) {}

void setError(gilsim_call* call, gilsim_error_kind kind, std::string message) {
  if (!call->error) call->error.emplace(kind, std::move(message));
}

bool argument(gilsim_call* call, size_t i, const Value** out) {
  if (i + 1 >= call->args.count) {
    setError(call, GILSIM_TYPE_ERROR,
             "function takes more than " + std::to_string(call->args.count - 1) + " arguments");
    return false;
  }
  *out = &call->args[i + 1];
  return true;
}

void addFunction(gilsim_module* module, const char* name, gilsim_function fn) {
  module->module->dict()->setStr(name, Value::steal(new ExtensionFunction(name, fn)));
}
size_t argCount(gilsim_call* call) {
  return call->args.count - 1;
}
int argInt(gilsim_call* call, size_t i, int64_t* out) {
  const Value* v;
  if (!argument(call, i, &v)) return -1;
  if (v->isBool()) {
    *out = v->boolean() ? 1 : 0;
    return 0;
  }
  if (!v->isSmallInt()) {
    setError(call, isInt(*v) ? GILSIM_OVERFLOW_ERROR : GILSIM_TYPE_ERROR,
             "argument " + std::to_string(i + 1) + " must be an int that fits in 64 bits");
    return -1;
  }
  *out = v->smallInt();
  return 0;
}
int argFloat(gilsim_call* call, size_t i, double* out) {
  const Value* v;
  if (!argument(call, i, &v)) return -1;
  if (!v->isFloat() && !v->isSmallInt()) {
    setError(call, GILSIM_TYPE_ERROR, "argument " + std::to_string(i + 1) + " must be a float");
    return -1;
  }
  *out = v->isFloat() ? v->real() : static_cast<double>(v->smallInt());
  return 0;
}
int argBytes(gilsim_call* call, size_t i, const char** data, size_t* size) {
  const Value* v;
  if (!argument(call, i, &v)) return -1;
  const std::string* s = nullptr;
  if (isBytes(*v))
    s = &v->as<BytesObject>()->data();
  else if (isStr(*v))
    s = &asStr(*v)->str();
  if (!s) {
    setError(call, GILSIM_TYPE_ERROR,
             "argument " + std::to_string(i + 1) + " must be bytes or str");
    return -1;
  }
  *data = s->data();
  *size = s->size();
  return 0;
}
void returnNone(gilsim_call* call) {
  call->result = std::monostate{};
}
void returnInt(gilsim_call* call, int64_t value) {
  call->result = value;
}
void returnFloat(gilsim_call* call, double value) {
  call->result = value;
}
void returnStr(gilsim_call* call, const char* data, size_t size) {
  call->result = std::string(data, size);
}
void returnBytes(gilsim_call* call, const char* data, size_t size) {
  call->result = std::make_pair(std::string(data, size), true);
}
void raiseError(gilsim_call* call, gilsim_error_kind kind, const char* message) {
  setError(call, kind, message ? message : "");
}
int64_t osThreadCpuNanos() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<int64_t>(ts.tv_sec) * kNanosPerSecond + ts.tv_nsec;
}
Nanos secondsToNanos(double seconds) {
  if (!(seconds > 0)) return 0;
  return static_cast<Nanos>(std::min(seconds, 1e9) * 1e9);
}
void releaseGil(gilsim_call* call) {
  if (call->released) return;
  call->released.emplace(*call->vm, DropReason::Cext);
  call->charged = false;
  if (call->vm->interp().machine().simulated()) call->cpuAtRelease = osThreadCpuNanos();
}
void acquireGil(gilsim_call* call) {
  if (!call->released) return;
  Machine& machine = call->vm->interp().machine();
  // Work that did not say what it costs is charged what it really took (see extension.h).
  if (machine.simulated() && !call->charged)
    machine.computeFor(osThreadCpuNanos() - call->cpuAtRelease);
  call->released.reset();
}
int simulated(gilsim_call* call) {
  return call->vm->interp().machine().simulated() ? 1 : 0;
}
void chargeTime(gilsim_call* call, double seconds) {
  Machine& machine = call->vm->interp().machine();
  if (!machine.simulated()) return;
  call->charged = true;
  machine.computeFor(secondsToNanos(seconds));
}
void wait(gilsim_call* call, double seconds) {
  call->vm->interp().machine().sleep(secondsToNanos(seconds), call->vm->breaker());
}

const gilsim_api& api() {
  static const gilsim_api table = {
      GILSIM_EXTENSION_ABI_VERSION,
      addFunction,
      argCount,
      argInt,
      argFloat,
      argBytes,
      returnNone,
      returnInt,
      returnFloat,
      returnStr,
      returnBytes,
      raiseError,
      releaseGil,
      acquireGil,
      simulated,
      chargeTime,
      wait,
  };
  return table;
}

TypeObject* errorType(gilsim_error_kind kind) {
  switch (kind) {
    case GILSIM_TYPE_ERROR:
      return builtinTypes().TypeError;
    case GILSIM_VALUE_ERROR:
      return builtinTypes().ValueError;
    case GILSIM_OS_ERROR:
      return builtinTypes().OSError;
    case GILSIM_OVERFLOW_ERROR:
      return builtinTypes().OverflowError;
    case GILSIM_RUNTIME_ERROR:
      break;
  }
  return builtinTypes().RuntimeError;
}

Value callExtensionFunction(VM& vm, CallArgs args) {
  auto* function = static_cast<ExtensionFunction*>(args[0].object());
  if (args.keywordCount()) raiseTypeError("{}() takes no keyword arguments", function->name);
  gilsim_call call{&api(), &vm, args, {}, {}, {}, false, 0};
  function->fn(&call);
  if (call.released) {
    call.released.reset();
    vm.interp().writeErr("gilsim: extension function " + function->name +
                         "() returned without taking the GIL back\n");
  }
  if (call.error) raise(errorType(call.error->first), call.error->second);
  struct ToValue {
    Value operator()(std::monostate) { return Value::none(); }
    Value operator()(int64_t v) { return Value::integer(v); }
    Value operator()(double v) { return Value::real(v); }
    Value operator()(std::string& s) { return makeStr(std::move(s)); }
    Value operator()(std::pair<std::string, bool>& b) { return makeBytes(std::move(b.first)); }
  };
  return std::visit(ToValue{}, call.result);
}

TypeObject* extensionFunctionType() {
  static TypeObject* type =
      makeNativeType("extension_function", "gilsim", {{"__call__", callExtensionFunction}});
  return type;
}

}  // namespace

void loadExtensionModule(VM& vm, const std::string& name, const std::string& path,
                         ModuleObject* module) {
  // Extensions are never unloaded (as in CPython): their functions may be referenced anywhere.
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) raiseImportError("cannot load extension {}: {}", path, dlerror());
  using Init = int (*)(const gilsim_api*, gilsim_module*);
  std::string symbol = "gilsim_init_" + name;
  auto init = reinterpret_cast<Init>(dlsym(handle, symbol.c_str()));
  if (!init) raiseImportError("extension {} does not define {}()", path, symbol);
  gilsim_module builder{&vm, module};
  if (init(&api(), &builder) != 0) raiseImportError("extension {} failed to initialise", path);
}

void initLinkedExtension(VM& vm, ModuleObject* module,
                         int (*init)(const gilsim_api*, gilsim_module*)) {
  gilsim_module builder{&vm, module};
  if (init(&api(), &builder) != 0)
    raiseImportError("linked extension {} failed to initialise", module->name());
}

}  // namespace gilsim
