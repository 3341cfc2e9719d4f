// CPython's "struct sequences" (sys.version_info, sys.float_info, time.struct_time, ...): tuples
// whose items are also readable by field name, printed as `module.name(field=value, ...)`.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "interp/objects/object.h"

namespace gilsim {

class TypeObject;

using StructFields = std::vector<std::pair<std::string, Value>>;

// One struct sequence type, made once per process (a function-local static, which the type's
// constructor finds again; never destroyed): a tuple subclass named
// `qualifiedName` ("time.struct_time") whose first `sequenceFields` fields are its items; the rest
// are attributes only (tm_zone).
class StructSequenceType {
 public:
  StructSequenceType(const std::string& qualifiedName, std::vector<std::string> fields,
                     size_t sequenceFields = SIZE_MAX);
  // An instance with `values`, one per field, in field order.
  Value make(std::vector<Value> values) const;
  TypeObject* type() const { return type_; }
  size_t fieldCount() const { return fields_.size(); }
  size_t sequenceFields() const { return sequenceFields_; }

 private:
  TypeObject* type_;  // immortal: the type outlives every interpreter of the process
  std::vector<std::string> fields_;
  size_t sequenceFields_;
};

// An object whose attributes are `fields`, printed as `namespace(name=value, ...)`, as
// types.SimpleNamespace prints (sys.implementation).
Value makeSimpleNamespace(StructFields fields);

}  // namespace gilsim
