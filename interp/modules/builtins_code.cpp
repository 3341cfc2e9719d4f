#include "interp/modules/builtins_code.h"

#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

// __import__(name, globals=None, locals=None, fromlist=(), level=0), as importlib's.
Value builtinImport(VM& vm, CallArgs args) {
  static constexpr std::string_view kNames[] = {"name", "globals", "locals", "fromlist", "level"};
  Value values[5];
  size_t npos = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    for (size_t i = 0; i < 5; ++i)
      if (kNames[i] == name) {
        values[i] = v;
        return;
      }
    raiseTypeError("'{}' is an invalid keyword argument for __import__()", name);
  });
  if (npos > 5) raiseTypeError("__import__() takes at most 5 arguments ({} given)", npos);
  for (size_t i = 0; i < npos; ++i)
    values[i] = args[i];
  if (values[0].isNull()) raiseTypeError("__import__() missing required argument 'name' (pos 1)");
  if (!isStr(values[0]))
    raiseTypeError("__import__() argument 1 must be str, not {}", typeName(values[0]));
  DictObject* globals = nullptr;
  if (!values[1].isNull() && !values[1].isNone()) {
    if (values[1].type()->layout() != Layout::Dict) raiseTypeError("globals must be a dict");
    globals = values[1].as<DictObject>();
  }
  int64_t level = 0;
  if (!values[4].isNull() && !intFitsInt64(values[4], &level))
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(values[4]));
  return vm.interp().importName(vm, asStr(values[0])->str(), globals, values[3],
                                static_cast<int>(level));
}

}  // namespace

void populateCodeBuiltins(DictObject* d) {
  d->setStr("__import__", makeNative("__import__", builtinImport));
}

}  // namespace gilsim
