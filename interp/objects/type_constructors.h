// Calling a class: `int("7")`, `MyClass(1, 2)`, `ValueError("bad")`.
#pragma once

#include "interp/objects/function_object.h"
#include "interp/objects/object.h"
#include "interp/objects/type_creation.h"

namespace gilsim {

class TypeObject;

// The built-in exception types' constructor: an ExceptionObject of `type` with args.
Value constructException(VM& vm, TypeObject* type, CallArgs args);
// The nearest built-in type along `type`'s bases (type itself when built in).
TypeObject* builtinBase(TypeObject* type);

// super(): a proxy that looks attributes up past `type` in obj's class chain.
class SuperObject : public TrackedObject {
 public:
  SuperObject(Value type, Value obj);
  Value type;
  Value obj;
  void clearReferences() override;
};

}  // namespace gilsim
