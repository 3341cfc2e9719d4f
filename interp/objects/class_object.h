// Instances of user classes, exceptions and modules.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "interp/objects/dict_object.h"
#include "interp/objects/object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

class CodeObject;
class DictObject;

class InstanceObject : public TrackedObject {
 public:
  explicit InstanceObject(TypeObject* type);
  ~InstanceObject() override;
  // Null for an instance of a class with __slots__ (and no "__dict__" among them).
  DictObject* dict() const { return dict_.isNull() ? nullptr : dict_.as<DictObject>(); }
  DictObject* instanceDict() const override { return dict(); }
  void clearReferences() override;
  TypeObject* cls() const { return type(); }
  // The values of the class's __slots__, by TypeObject::slotIndex; Null when unset.
  std::vector<Value> slots;

 private:
  Value typeRef_;  // keeps a user class alive while it has instances
  Value dict_;
};

// An instance of a user subclass of a built-in type (class Stack(list)): the built-in object
// itself, so that every built-in operation works on it, with the subclass as its type and an
// instance __dict__ alongside.
template <class Base>
class SubclassInstance final : public Base {
 public:
  template <class... Args>
  explicit SubclassInstance(TypeObject* cls, Args&&... args)
      : Base(std::forward<Args>(args)...), typeRef_(Value::borrow(cls)), dict_(makeDict()) {
    this->setType(cls);
  }
  DictObject* instanceDict() const override { return dict_.as<DictObject>(); }
  void clearReferences() override {
    Base::clearReferences();
    dict_ = makeDict();
  }

 private:
  Value typeRef_;  // keeps the subclass alive while it has instances
  Value dict_;
};

// One frame of a traceback: where an exception passed through. It holds the code object rather
// than copies of its names: a raise passing through ten frames made twenty string copies.
struct TracebackEntry {
  Value code;  // a CodeObject
  int line;
  const std::string& filename() const;
  const std::string& function() const;
};

class ExceptionObject : public InstanceObject {
 public:
  explicit ExceptionObject(TypeObject* type);
  Value args;                             // tuple
  std::vector<TracebackEntry> traceback;  // innermost first
  Value cause;
  Value context;
  bool suppressContext = false;
  void clearReferences() override;
};

class ModuleObject : public TrackedObject {
 public:
  explicit ModuleObject(std::string name);
  ModuleObject(std::string name, Value dict);  // a module over an existing namespace (builtins)
  const std::string& name() const { return name_; }
  DictObject* dict() const { return dict_.as<DictObject>(); }
  Value dictValue() const { return dict_; }
  void clearReferences() override;

 private:
  std::string name_;
  Value dict_;
};

}  // namespace gilsim
