#include "interp/objects/class_object.h"

#include <algorithm>
#include <memory>

#include "interp/objects/attribute_cache.h"
#include "interp/objects/code.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/interned_names.h"
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

ModuleObject::ModuleObject(std::string name, Value dict)
    : TrackedObject(builtinTypes().module), name_(std::move(name)), dict_(std::move(dict)) {}

void ModuleObject::clearReferences() {
  dict()->clear();
}

TypeObject::TypeObject(std::string name, TypeObject* base, Layout layout)
    : TrackedObject(detail::gBuiltinTypes.type),
      name_(std::move(name)),
      base_(base),
      layout_(layout) {
  mro_.push_back(this);
  if (base_) {
    increfRaw(base_);
    bases_.push_back(base_);
    mro_.insert(mro_.end(), base_->mro_.begin(), base_->mro_.end());
  }
  if (detail::gBuiltinTypes.dict) createDict();
}

namespace {

// C3 linearization (the algorithm of Barrett et al., "A Monotonic Superclass Linearization for
// Dylan", 1996, which CPython uses since 2.3): merge the bases' MROs and the list of bases,
// each step taking the first head that is in no other list's tail.
std::vector<TypeObject*> c3Merge(std::vector<std::vector<TypeObject*>> lists) {
  std::vector<TypeObject*> out;
  auto inSomeTail = [&](TypeObject* t) {
    for (const auto& l : lists)
      if (std::find(l.begin() + (l.empty() ? 0 : 1), l.end(), t) != l.end()) return true;
    return false;
  };
  for (;;) {
    std::erase_if(lists, [](const auto& l) { return l.empty(); });
    if (lists.empty()) return out;
    TypeObject* next = nullptr;
    for (const auto& l : lists)
      if (!inSomeTail(l.front())) {
        next = l.front();
        break;
      }
    if (!next) return {};
    out.push_back(next);
    for (auto& l : lists)
      if (l.front() == next) l.erase(l.begin());
  }
}

}  // namespace

void TypeObject::setBases(std::vector<TypeObject*> bases) {
  std::vector<std::vector<TypeObject*>> lists;
  for (TypeObject* b : bases)
    lists.push_back(b->mro_);
  lists.push_back(bases);
  std::vector<TypeObject*> merged = c3Merge(std::move(lists));
  if (merged.empty()) {
    std::string names;
    for (TypeObject* b : bases)
      names += (names.empty() ? "" : ", ") + b->name();
    raiseTypeError("Cannot create a consistent method resolution\norder (MRO) for bases {}", names);
  }
  for (TypeObject* b : bases)
    if (b != base_) increfRaw(b);
  bases_ = std::move(bases);
  mro_.assign(1, this);
  mro_.insert(mro_.end(), merged.begin(), merged.end());
  advanceTypeEpoch();
}

const std::string& TracebackEntry::filename() const {
  return code.as<CodeObject>()->filename;
}
const std::string& TracebackEntry::function() const {
  return code.as<CodeObject>()->name;
}

void TypeObject::createDict() {
  if (dict_) return;
  dict_ = new DictObject();
  dict_->markTypeNamespace();
}

TypeObject::~TypeObject() {
  advanceTypeEpoch();  // a class allocated at this address later must not match cached entries
  decrefRaw(dict_);
  for (TypeObject* b : bases_)
    decrefRaw(b);
}

void TypeObject::clearReferences() {
  if (dict_) dict_->clear();
  // metatypeRef_ is kept: the type pointer must stay valid until this object is freed.
}

void TypeObject::setMetatype(TypeObject* metatype) {
  advanceTypeEpoch();
  setType(metatype);
  metatypeRef_ = metatype->isBuiltin() ? Value() : Value::borrow(metatype);
}

int TypeObject::slotIndex(std::string_view name) const {
  for (size_t i = 0; i < slotNames.size(); ++i)
    if (slotNames[i] == name) return static_cast<int>(i);
  return -1;
}

Value TypeObject::lookupOverride(std::string_view name) const {
  for (const TypeObject* t : mro_) {
    // A built-in earlier in the order than a user class wins. int's dict holds every dunder
    // it has, so a name it lacks (an IntFlag's __contains__) goes on to the classes after it.
    if (t->builtin_) {
      if (t->layout() == Layout::Int && t->dict_->getStr(name).isNull()) continue;
      break;
    }
    Value v = t->dict_->getStr(name);
    if (!v.isNull()) return v;
  }
  return Value();
}

bool TypeObject::isSubtypeOf(const TypeObject* other) const {
  return std::find(mro_.begin(), mro_.end(), other) != mro_.end();
}

namespace {

// CPython's type attribute cache (Objects/typeobject.c, MCACHE): a direct-mapped table of MRO
// lookups, valid while the type epoch (attribute_cache.h) stands. An entry names the dict and
// entry index where the name was found rather than the value, which a class may replace by
// another plain value without advancing the epoch. Per thread, so that interpreters running in
// parallel never share it.
struct LookupCacheEntry {
  const TypeObject* type = nullptr;
  const StrObject* name = nullptr;
  uint64_t hash = 0;
  uint64_t epoch = 0;
  const DictObject* owner = nullptr;  // null: no class along the MRO has the name
  size_t slot = 0;
};
constexpr size_t kLookupCacheSize = 1024;

LookupCacheEntry& lookupCacheEntry(const TypeObject* type, uint64_t hash) {
  thread_local std::unique_ptr<LookupCacheEntry[]> table;
  if (!table) table = std::make_unique<LookupCacheEntry[]>(kLookupCacheSize);
  size_t index = (hash ^ (reinterpret_cast<uintptr_t>(type) >> 4)) & (kLookupCacheSize - 1);
  return table[index];
}

}  // namespace

Value TypeObject::lookup(StrObject* name) const {
  const uint64_t hash = name->hash();
  const uint64_t epoch = typeEpoch();
  LookupCacheEntry& entry = lookupCacheEntry(this, hash);
  if (entry.type == this && entry.name == name && entry.hash == hash && entry.epoch == epoch) {
    if (!entry.owner) return Value();
    if (const Value* v = entry.owner->valueIfKeyAt(entry.slot, name)) return *v;
  }
  Value key = Value::borrow(name);
  for (const TypeObject* t : mro_) {
    if (!t->dict_) continue;
    int64_t slot = t->dict_->findSlot(key, hash);
    if (slot < 0) continue;
    Value v = t->dict_->entryAt(static_cast<size_t>(slot)).value;
    // A lookup that ran user code (a key's __eq__) may have changed classes: cache only what
    // the epoch still vouches for.
    if (typeEpoch() == epoch)
      entry = {this, name, hash, epoch, t->dict_, static_cast<size_t>(slot)};
    return v;
  }
  if (typeEpoch() == epoch) entry = {this, name, hash, epoch, nullptr, 0};
  return Value();
}

Value TypeObject::lookup(std::string_view name) const {
  if (StrObject* shared = sharedName(name)) return lookup(shared);
  Value key = makeStr(name);
  return lookup(key.as<StrObject>());
}

}  // namespace gilsim
