// Helpers shared by the files of the object protocol (operators.cpp, arithmetic.cpp,
// comparison.cpp and repr.cpp; see operators.h), declared once here. Internal to interp/objects/:
// the protocol's users include operators.h.
#pragma once

#include <initializer_list>

#include "interp/objects/int_object.h"
#include "interp/objects/object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

inline const BuiltinTypes& T() {
  return builtinTypes();
}

inline Layout layoutOf(const Value& v) {
  switch (v.tag()) {
    case Tag::None:
      return Layout::NoneType;
    case Tag::Bool:
      return Layout::Bool;
    case Tag::Int:
      return Layout::Int;
    case Tag::Float:
      return Layout::Float;
    case Tag::Object:
    case Tag::Immortal:
      return v.object()->type()->layout();
    case Tag::Null:
      break;
  }
  return Layout::Other;
}

inline bool isNumber(const Value& v) {
  return isInt(v) || v.isFloat();
}

inline bool isUserObject(const Value& v) {
  return v.isObject() && !v.object()->type()->isBuiltin();
}

inline bool isNotImplemented(const Value& v) {
  return v.isObject() && v.object() == T().notImplemented;
}

// Calls `function` with `self` and then `args` as its arguments (operators.cpp).
Value callMethod(const Value& function, const Value& self, std::initializer_list<Value> args);

}  // namespace gilsim
