// property, classmethod and staticmethod (WrapperObject): their constructors' keywords, the
// property's getter/setter/deleter copies, and the attributes code reads off them (fget, fset,
// fdel, __doc__, __func__, __isabstractmethod__). Binding them on attribute access is
// attributes.cpp's.
#pragma once

#include <string_view>

#include "interp/objects/function_object.h"
#include "interp/objects/object.h"

namespace gilsim {

struct BuiltinTypes;

// property(fget=None, fset=None, fdel=None, doc=None); classmethod(f); staticmethod(f).
Value constructDescriptor(VM& vm, TypeObject* type, CallArgs args);
// The attribute `name` of a property, classmethod or staticmethod, or Null.
Value descriptorAttribute(const Value& descriptor, std::string_view name);
void registerDescriptorMethods(BuiltinTypes& t);

}  // namespace gilsim
