#include "interp/objects/function_object.h"

#include "interp/objects/code.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

size_t CallArgs::keywordCount() const {
  return kwnames ? kwnames->size() : 0;
}

FunctionObject::FunctionObject(Value code, Value globals, std::string qualname)
    : TrackedObject(builtinTypes().function),
      code_(std::move(code)),
      globals_(std::move(globals)),
      qualname(std::move(qualname)) {
  name = this->code()->name;
}

CodeObject* FunctionObject::code() const {
  return code_.as<CodeObject>();
}
DictObject* FunctionObject::globals() const {
  return globals_.as<DictObject>();
}

void FunctionObject::clearReferences() {
  code_ = Value();
  globals_ = Value();
  defaults = Value();
  kwdefaults = Value();
  annotations = Value();
  closure = Value();
  dict = Value();
  module = Value();
}

NativeFunctionObject::NativeFunctionObject(std::string name, NativeFn fn, bool isMethod,
                                           std::string ownerName)
    : Object(builtinTypes().builtinFunction),
      name_(std::move(name)),
      fn_(fn),
      isMethod_(isMethod),
      ownerName_(std::move(ownerName)) {}

BoundMethodObject::BoundMethodObject(Value self, Value function)
    : TrackedObject(builtinTypes().method), self(std::move(self)), function(std::move(function)) {}

void BoundMethodObject::clearReferences() {
  self = Value();
  function = Value();
}

WrapperObject::WrapperObject(TypeObject* type, Value wrapped)
    : TrackedObject(type), wrapped(std::move(wrapped)) {}

void WrapperObject::clearReferences() {
  wrapped = Value();
  setter = Value();
  deleter = Value();
  doc = Value();
}

Value makeNative(std::string name, NativeFn fn) {
  return Value::steal(new NativeFunctionObject(std::move(name), fn, false));
}

Value makeNativeMethod(std::string name, NativeFn fn, std::string ownerName) {
  return Value::steal(new NativeFunctionObject(std::move(name), fn, true, std::move(ownerName)));
}

}  // namespace gilsim
