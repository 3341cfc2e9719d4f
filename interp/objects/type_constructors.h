// Calling a class: `int("7")`, `MyClass(1, 2)`, `ValueError("bad")`.
#pragma once

#include "interp/objects/function_object.h"
#include "interp/objects/object.h"

namespace gilsim {

class TypeObject;

Value callType(VM& vm, TypeObject* type, CallArgs args);

// super(): a proxy that looks attributes up past `type` in obj's class chain.
class SuperObject : public TrackedObject {
 public:
  SuperObject(Value type, Value obj);
  Value type;
  Value obj;
  void clearReferences() override;
};

}  // namespace gilsim
