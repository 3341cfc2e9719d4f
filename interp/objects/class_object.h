// Instances of user classes, exceptions and modules.
#pragma once

#include <string>
#include <vector>

#include "interp/objects/object.h"

namespace gilsim {

class CodeObject;
class DictObject;

class InstanceObject : public TrackedObject {
 public:
  explicit InstanceObject(TypeObject* type);
  ~InstanceObject() override;
  DictObject* dict() const { return dict_.as<DictObject>(); }
  void clearReferences() override;
  TypeObject* cls() const { return type(); }

 private:
  Value typeRef_;  // keeps a user class alive while it has instances
  Value dict_;
};

// One frame of a traceback: where an exception passed through.
struct TracebackEntry {
  std::string filename;
  std::string function;
  int line;
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
  const std::string& name() const { return name_; }
  DictObject* dict() const { return dict_.as<DictObject>(); }
  Value dictValue() const { return dict_; }
  void clearReferences() override;

 private:
  std::string name_;
  Value dict_;
};

}  // namespace gilsim
