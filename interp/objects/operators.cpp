// The object protocol's general helpers (see operators.h): dunder lookup and calls
// (lookupSpecial, callSpecial and protocol_internal.h's callMethod) and the conversions every part
// of the protocol uses (toIndex, toDouble, isInstance, length). Arithmetic, comparison and repr
// have files of their own.
#include "interp/objects/operators.h"

#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/protocol_internal.h"
#include "interp/objects/set_object.h"
#include "interp/objects/str_object.h"
#include "interp/vm/vm.h"  // upward: dunder methods run Python code

namespace gilsim {

Value callMethod(const Value& function, const Value& self, std::initializer_list<Value> args) {
  std::vector<Value> all;
  all.reserve(args.size() + 1);
  all.push_back(self);
  for (const Value& a : args)
    all.push_back(a);
  return VM::current()->call(function, CallArgs{all.data(), all.size(), nullptr});
}

Value lookupSpecial(const Value& obj, std::string_view name) {
  TypeObject* type = obj.type();
  Layout layout = type->layout();
  // An instance of a user subclass of a built-in type: what its classes define, and the built-in
  // part answers the rest (list's repr, not object's).
  if (!type->isBuiltin() && layout != Layout::Object && layout != Layout::Exception)
    return builtinOverride(obj, name);
  return type->lookup(name);
}

Value callSpecial(const Value& obj, std::string_view name, std::initializer_list<Value> args) {
  Value fn = lookupSpecial(obj, name);
  if (fn.isNull()) return Value();
  if (fn.isObject() && fn.object()->type() == T().staticMethod)
    return VM::current()->call(fn.as<WrapperObject>()->wrapped, args);
  return callMethod(fn, obj, args);
}

int64_t toIndex(const Value& v, const char* what) {
  int64_t small;
  if (intFitsInt64(v, &small)) return small;
  if (isInt(v)) raiseIndexError("cannot fit 'int' into an index-sized integer");
  if (isUserObject(v)) {
    Value r = callSpecial(v, "__index__", {});
    if (!r.isNull()) return toIndex(r, what);
  }
  raiseTypeError("{} must be integers or slices, not {}", what, typeName(v));
}

double toDouble(const Value& v) {
  if (v.isFloat()) return v.real();
  if (isInt(v)) return intToDouble(v);
  if (isUserObject(v)) {
    Value r = callSpecial(v, "__float__", {});
    if (!r.isNull() && r.isFloat()) return r.real();
  }
  raiseTypeError("must be real number, not {}", typeName(v));
}

bool isInstance(const Value& v, TypeObject* type) {
  if (v.isNull()) return false;
  return v.type()->isSubtypeOf(type);
}

int64_t length(const Value& v) {
  if (builtinOverride(v, "__len__").isNull()) switch (layoutOf(v)) {
      case Layout::Str:
        return static_cast<int64_t>(asStr(v)->length());
      case Layout::Bytes:
        return static_cast<int64_t>(v.as<BytesObject>()->data().size());
      case Layout::Tuple:
        return static_cast<int64_t>(v.as<TupleObject>()->size());
      case Layout::List:
        return static_cast<int64_t>(v.as<ListObject>()->size());
      case Layout::Dict:
        return static_cast<int64_t>(v.as<DictObject>()->size());
      case Layout::Set:
        return static_cast<int64_t>(v.as<SetObject>()->size());
      case Layout::Range:
        return v.as<RangeObject>()->length();
      case Layout::DictView:
        return length(dictViewMapping(v));
      default:
        break;
    }
  if (isUserObject(v)) {
    Value r = callSpecial(v, "__len__", {});
    if (!r.isNull()) {
      if (!isInt(r)) raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(r));
      int64_t n = toIndex(r, "__len__");
      if (n < 0) raiseValueError("__len__() should return >= 0");
      return n;
    }
  }
  raiseTypeError("object of type '{}' has no len()", typeName(v));
}

}  // namespace gilsim
