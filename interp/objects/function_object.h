// Callables: Python functions, native (C++) functions, and bound methods.
#pragma once

#include <initializer_list>
#include <span>
#include <string>

#include "interp/objects/object.h"

namespace gilsim {

class CodeObject;
class DictObject;
class TupleObject;
class VM;

// Arguments of a call as they sit on the value stack: `count` values, the last `kwnames->size()`
// of which are keyword arguments named by `kwnames` (null when there are none).
struct CallArgs {
  Value* args = nullptr;
  size_t count = 0;
  TupleObject* kwnames = nullptr;

  size_t keywordCount() const;
  size_t positionalCount() const { return count - keywordCount(); }
  Value& operator[](size_t i) const { return args[i]; }
  std::span<Value> positional() const { return {args, positionalCount()}; }
};

class FunctionObject : public TrackedObject {
 public:
  FunctionObject(Value code, Value globals, std::string qualname);
  void clearReferences() override;

  CodeObject* code() const;
  DictObject* globals() const;
  Value code_;
  Value globals_;
  Value defaults;     // tuple or Null
  Value kwdefaults;   // dict or Null
  Value annotations;  // dict or Null (made empty on first read, as CPython's)
  Value closure;      // tuple of cells or Null
  Value dict;         // attribute dict, created on demand
  std::string name;
  std::string qualname;
  Value module;  // the __name__ of the defining module (str)
};

using NativeFn = Value (*)(VM& vm, CallArgs args);

class NativeFunctionObject : public Object {
 public:
  NativeFunctionObject(std::string name, NativeFn fn, bool isMethod, std::string ownerName = {});
  const std::string& name() const { return name_; }
  NativeFn fn() const { return fn_; }
  // A method of a built-in type: binds its receiver like a Python function in a class does.
  bool isMethod() const { return isMethod_; }
  const std::string& ownerName() const { return ownerName_; }

 private:
  std::string name_;
  NativeFn fn_;
  bool isMethod_;
  std::string ownerName_;
};

class BoundMethodObject : public TrackedObject {
 public:
  BoundMethodObject(Value self, Value function);
  Value self;
  Value function;
  void clearReferences() override;
};

// @staticmethod / @classmethod / @property wrappers.
class WrapperObject : public TrackedObject {
 public:
  WrapperObject(TypeObject* type, Value wrapped);
  Value wrapped;
  Value setter;   // property only
  Value deleter;  // property only
  Value doc;      // property only
  void clearReferences() override;
};

Value makeNative(std::string name, NativeFn fn);
Value makeNativeMethod(std::string name, NativeFn fn, std::string ownerName);
// A process-wide immortal type for the objects of a native module, with native methods (self is
// args[0]). Native modules build theirs once, in a function-local static. Defined in
// builtin_types.cpp.
struct NativeTypeSlots {
  std::string (*repr)(const Value& self) = nullptr;           // TypeObject::reprSlot
  bool (*iterNext)(const Value& self, Value* out) = nullptr;  // TypeObject::iterNextSlot
};
TypeObject* makeNativeType(std::string name, std::string moduleName,
                           std::initializer_list<std::pair<const char*, NativeFn>> methods,
                           NativeTypeSlots slots = {});

}  // namespace gilsim
