// Struct sequences: a tuple subclass per sequence type, the fields by name in the instance dict.
#include "interp/modules/struct_sequence.h"

#include <algorithm>
#include <mutex>

#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/function_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

namespace {

// The first `count` fields of the instance dict, as `name=value`.
std::string fieldsRepr(std::string out, const Value& self, size_t count) {
  bool first = true;
  DictObject* fields = self.object()->instanceDict();
  for (const auto& e : fields->entries()) {
    if (e.key.isNull()) continue;
    if (count-- == 0) break;
    if (!first) out += ", ";
    first = false;
    out += asStr(e.key)->str() + "=" + repr(e.value);
  }
  return out + ")";
}

// `sys.version_info(major=3, ...)`: the type's module and name, then its sequence fields.
Value structSequenceRepr(VM&, CallArgs args) {
  expectArgs("__repr__", args, 1, 1);
  TypeObject* type = args[0].type();
  Value count = type->lookup("n_sequence_fields");
  return makeStr(fieldsRepr(type->moduleName + "." + type->name() + "(", args[0],
                            static_cast<size_t>(count.smallInt())));
}

// The struct sequence types of the process, for their constructor: made once each, never freed.
std::mutex gRegistryMutex;
std::vector<const StructSequenceType*> gRegistry;

const StructSequenceType* registered(TypeObject* type) {
  std::lock_guard<std::mutex> lock(gRegistryMutex);
  for (const StructSequenceType* t : gRegistry)
    if (t->type() == type) return t;
  return nullptr;
}

// time.struct_time((2026, 12, 4, ...)): a sequence of at least the sequence fields and at most
// all of them; the fields it leaves out are None.
Value structSequenceNew(VM&, TypeObject* type, CallArgs args) {
  const StructSequenceType* sequence = registered(type);
  std::string name = type->moduleName + "." + type->name();
  if (!sequence || args.keywordCount() || args.count != 1)
    raiseTypeError("{}() takes a sequence as its only argument", name);
  std::vector<Value> values = toVector(args[0]);
  if (values.size() < sequence->sequenceFields())
    raiseTypeError("{}() takes an at least {}-sequence ({}-sequence given)", name,
                   sequence->sequenceFields(), values.size());
  if (values.size() > sequence->fieldCount())
    raiseTypeError("{}() takes an at most {}-sequence ({}-sequence given)", name,
                   sequence->fieldCount(), values.size());
  values.resize(sequence->fieldCount(), Value::none());
  return sequence->make(std::move(values));
}

Value namespaceRepr(VM&, CallArgs args) {
  expectArgs("__repr__", args, 1, 1);
  return makeStr(fieldsRepr("namespace(", args[0], SIZE_MAX));
}

}  // namespace

StructSequenceType::StructSequenceType(const std::string& qualifiedName,
                                       std::vector<std::string> fields, size_t sequenceFields)
    : fields_(std::move(fields)), sequenceFields_(std::min(sequenceFields, fields_.size())) {
  size_t dot = qualifiedName.rfind('.');
  std::string name = dot == std::string::npos ? qualifiedName : qualifiedName.substr(dot + 1);
  type_ = new TypeObject(name, builtinTypes().tuple, Layout::Tuple);
  type_->makeImmortal();
  type_->moduleName = dot == std::string::npos ? "builtins" : qualifiedName.substr(0, dot);
  DictObject* d = type_->dict();
  d->setStr("__repr__", makeNativeMethod("__repr__", structSequenceRepr, name));
  d->setStr("n_fields", Value::integer(static_cast<int64_t>(fields_.size())));
  d->setStr("n_sequence_fields", Value::integer(static_cast<int64_t>(sequenceFields_)));
  type_->newFn = structSequenceNew;
  std::lock_guard<std::mutex> lock(gRegistryMutex);
  gRegistry.push_back(this);
}

Value StructSequenceType::make(std::vector<Value> values) const {
  std::vector<Value> items(values.begin(),
                           values.begin() + static_cast<std::ptrdiff_t>(sequenceFields_));
  auto* instance = new SubclassInstance<TupleObject>(type_, std::move(items));
  Value result = Value::steal(instance);
  for (size_t i = 0; i < fields_.size() && i < values.size(); ++i)
    instance->instanceDict()->setStr(fields_[i], std::move(values[i]));
  return result;
}

Value makeSimpleNamespace(StructFields fields) {
  auto* type = new TypeObject("SimpleNamespace", builtinTypes().object, Layout::Object);
  Value typeValue = Value::steal(type);
  type->moduleName = "types";
  type->dict()->setStr("__repr__", makeNativeMethod("__repr__", namespaceRepr, "SimpleNamespace"));
  auto* instance = new InstanceObject(type);
  Value result = Value::steal(instance);
  for (auto& f : fields)
    instance->dict()->setStr(f.first, std::move(f.second));
  return result;
}

}  // namespace gilsim
