#include "interp/objects/class_object.h"

#include "interp/objects/dict_object.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

InstanceObject::InstanceObject(TypeObject* type)
    : TrackedObject(type),
      slots(type->slotNames.size()),
      typeRef_(Value::borrow(type)),
      dict_(type->instancesHaveDict ? makeDict() : Value()) {}

InstanceObject::~InstanceObject() = default;

void InstanceObject::clearReferences() {
  if (!dict_.isNull()) dict_ = makeDict();
  for (Value& slot : slots)
    slot = Value();
  // typeRef_ is kept: the type pointer must stay valid until this object is freed.
}

ExceptionObject::ExceptionObject(TypeObject* type) : InstanceObject(type) {}

void ExceptionObject::clearReferences() {
  InstanceObject::clearReferences();
  args = Value();
  cause = Value();
  context = Value();
}

ModuleObject::ModuleObject(std::string name)
    : TrackedObject(builtinTypes().module), name_(std::move(name)), dict_(makeDict()) {
  dict()->setStr("__name__", makeStr(name_));
}

void ModuleObject::clearReferences() {
  dict()->clear();
}

TypeObject::TypeObject(std::string name, TypeObject* base, Layout layout)
    : TrackedObject(detail::gBuiltinTypes.type),
      name_(std::move(name)),
      base_(base),
      layout_(layout) {
  increfRaw(base_);
  if (detail::gBuiltinTypes.dict) createDict();
}

void TypeObject::createDict() {
  if (!dict_) dict_ = new DictObject();
}

TypeObject::~TypeObject() {
  decrefRaw(dict_);
  decrefRaw(base_);
}

void TypeObject::clearReferences() {
  if (dict_) dict_->clear();
  // metatypeRef_ is kept: the type pointer must stay valid until this object is freed.
}

void TypeObject::setMetatype(TypeObject* metatype) {
  setType(metatype);
  metatypeRef_ = metatype->isBuiltin() ? Value() : Value::borrow(metatype);
}

int TypeObject::slotIndex(std::string_view name) const {
  for (size_t i = 0; i < slotNames.size(); ++i)
    if (slotNames[i] == name) return static_cast<int>(i);
  return -1;
}

Value TypeObject::lookupOverride(std::string_view name) const {
  for (const TypeObject* t = this; t && !t->builtin_; t = t->base_) {
    Value v = t->dict_->getStr(name);
    if (!v.isNull()) return v;
  }
  return Value();
}

bool TypeObject::isSubtypeOf(const TypeObject* other) const {
  for (const TypeObject* t = this; t; t = t->base_)
    if (t == other) return true;
  return false;
}

Value TypeObject::lookup(StrObject* name) const {
  for (const TypeObject* t = this; t; t = t->base_) {
    if (!t->dict_) continue;
    Value v = t->dict_->getStr(name);
    if (!v.isNull()) return v;
  }
  return Value();
}

Value TypeObject::lookup(std::string_view name) const {
  Value key = makeStr(name);
  return lookup(key.as<StrObject>());
}

}  // namespace gilsim
