#include "interp/objects/dict_object.h"

#include <algorithm>

#include "interp/objects/attribute_cache.h"
#include "interp/objects/errors.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

namespace {
constexpr int32_t kEmpty = -1;
constexpr int32_t kDeleted = -2;
constexpr size_t kMinIndex = 8;
constexpr int kMaxLookupRestarts = 1000;

// A value no attribute cache depends on: replacing one by another leaves the caches valid.
bool plainData(const Value& v) {
  if (!v.isObject()) return true;
  const TypeObject* t = v.object()->type();
  const BuiltinTypes& bt = builtinTypes();
  return t == bt.str || t == bt.int_ || t == bt.float_ || t == bt.tuple || t == bt.bytes;
}

bool keysEqual(const Value& stored, const Value& key) {
  if (stored.identical(key)) return true;
  if (isStr(stored) && isStr(key)) return asStr(stored)->str() == asStr(key)->str();
  if (stored.isSmallInt() && key.isSmallInt()) return false;
  return equals(stored, key);
}
}  // namespace

DictObject::DictObject() : TrackedObject(builtinTypes().dict) {}

int64_t DictObject::lookup(const Value& key, uint64_t hash, size_t* indexSlot) const {
  // Once per probe; again when a key's __eq__ changed the dict under it. CPython restarts without
  // end (an __eq__ that always mutates loops forever there, unless the allocator hands the same
  // table back); gilsim stops with an error instead of hanging.
  for (int restarts = 0; restarts <= kMaxLookupRestarts; ++restarts) {
    bool changed = false;
    int64_t found = probe(key, hash, indexSlot, &changed);
    if (!changed) return found;
  }
  raiseRuntimeError(
      "dictionary changed during a lookup {} times in a row: gilsim stops where CPython would "
      "keep restarting the lookup",
      kMaxLookupRestarts + 1);
}

int64_t DictObject::probe(const Value& key, uint64_t hash, size_t* indexSlot, bool* changed) const {
  if (index_.empty()) {
    if (indexSlot) *indexSlot = SIZE_MAX;
    return -1;
  }
  size_t mask = index_.size() - 1;
  size_t i = hash & mask;
  uint64_t perturb = hash;
  size_t firstDeleted = SIZE_MAX;
  for (;;) {
    int32_t ix = index_[i];
    if (ix == kEmpty) {
      if (indexSlot) *indexSlot = firstDeleted != SIZE_MAX ? firstDeleted : i;
      return -1;
    }
    if (ix == kDeleted) {
      if (firstDeleted == SIZE_MAX) firstDeleted = i;
    } else if (entries_[ix].hash == hash) {
      // The stored key is held and the version checked after the compare: a key's __eq__ may
      // clear, resize or refill this dict, and then the probe starts again on the new table, as
      // CPython's lookdict does.
      Value stored = entries_[ix].key;
      uint64_t before = version_;
      bool same = keysEqual(stored, key);
      if (version_ != before || !entries_[ix].key.identical(stored)) {
        *changed = true;
        return -1;
      }
      if (same) {
        if (indexSlot) *indexSlot = i;
        return ix;
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

int64_t DictObject::findSlot(const Value& key, uint64_t hash) const {
  return lookup(key, hash, nullptr);
}

Value DictObject::get(const Value& key) const {
  uint64_t h = hashValue(key);
  int64_t ix = lookup(key, h, nullptr);
  return ix < 0 ? Value() : entries_[ix].value;
}

Value DictObject::getStr(StrObject* key) const {
  if (used_ == 0) return Value();
  int64_t ix = lookup(Value::borrow(key), key->hash(), nullptr);
  return ix < 0 ? Value() : entries_[ix].value;
}

Value DictObject::getStr(std::string_view key) const {
  if (used_ == 0) return Value();
  Value k = makeStr(key);
  return getStr(k.as<StrObject>());
}

void DictObject::setStr(std::string_view key, Value value) {
  set(makeStr(key), std::move(value));
}

void DictObject::rebuildIndex(size_t minCapacity) {
  size_t size = kMinIndex;
  while (size < minCapacity * 3 / 2 + 1)
    size <<= 1;
  // Compact the entries (drop deleted ones) while rebuilding, as CPython's resize does.
  std::vector<Entry> live;
  live.reserve(used_ + 1);
  for (Entry& e : entries_)
    if (!e.key.isNull()) live.push_back(std::move(e));
  entries_ = std::move(live);
  index_.assign(size, kEmpty);
  size_t mask = size - 1;
  for (size_t n = 0; n < entries_.size(); ++n) {
    size_t i = entries_[n].hash & mask;
    uint64_t perturb = entries_[n].hash;
    while (index_[i] != kEmpty) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    index_[i] = static_cast<int32_t>(n);
  }
  ++version_;
}

void DictObject::namespaceChanged(const Value* old, const Value* replacement) const {
  if (old && replacement && plainData(*old) && plainData(*replacement)) return;
  advanceTypeEpoch();
}

bool DictObject::sameText(const Entry& e, const Object* key) {
  if (!e.key.isObject() || e.key.object()->type() != builtinTypes().str) return false;
  auto* name = static_cast<const StrObject*>(key);
  return e.hash == name->hash() && asStr(e.key)->view() == name->view();
}

bool DictObject::lacksStrSlow(Object* key, uint64_t hash) const {
  return lookup(Value::borrow(key), hash, nullptr) < 0;
}

size_t DictObject::setStrKey(StrObject* key, uint64_t hash, Value value) {
  Value k = Value::borrow(key);
  int64_t ix = lookup(k, hash, nullptr);
  if (ix >= 0) {
    if (typeNamespace_) namespaceChanged(&entries_[ix].value, &value);
    entries_[ix].value = std::move(value);
    return static_cast<size_t>(ix);
  }
  insertNew(std::move(k), std::move(value), hash);
  return entries_.size() - 1;
}

void DictObject::insertNew(Value key, Value value, uint64_t hash) {
  chargeNativeWork(NativeCosts::kDictInsert);
  if (typeNamespace_) namespaceChanged(nullptr, nullptr);
  // CPython 3.11's growth: a full table is rebuilt with room for three times the live entries
  // (GROWTH_RATE), which is also what decides whether an iterator of a dict changed meanwhile
  // sees "keys changed" or runs off the end.
  if ((entries_.size() + 1) * 3 >= index_.size() * 2) rebuildIndex(std::max<size_t>(2 * used_, 1));
  size_t mask = index_.size() - 1;
  size_t i = hash & mask;
  uint64_t perturb = hash;
  while (index_[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  index_[i] = static_cast<int32_t>(entries_.size());
  entries_.push_back(Entry{std::move(key), std::move(value), hash});
  ++used_;
  ++version_;
}

void DictObject::set(const Value& key, Value value) {
  setWithHash(key, std::move(value), hashValue(key));
}

void DictObject::setWithHash(const Value& key, Value value, uint64_t hash) {
  int64_t ix = lookup(key, hash, nullptr);
  if (ix >= 0) {
    if (typeNamespace_) namespaceChanged(&entries_[ix].value, &value);
    entries_[ix].value = std::move(value);
    return;
  }
  insertNew(key, std::move(value), hash);
}

void DictObject::mergeFrom(const DictObject& other) {
  const uint64_t version = other.version_;
  for (size_t i = 0; i < other.entries_.size(); ++i) {
    if (other.entries_[i].key.isNull()) continue;
    Value key = other.entries_[i].key, value = other.entries_[i].value;
    setWithHash(key, std::move(value), other.entries_[i].hash);
    // `this == &other` (d.update(d)) only rewrites values: the version stays.
    if (other.version_ != version) raiseRuntimeError("dict mutated during update");
  }
}

bool DictObject::remove(const Value& key, Value* removed) {
  uint64_t h = hashValue(key);
  size_t slot;
  int64_t ix = lookup(key, h, &slot);
  if (ix < 0) return false;
  if (typeNamespace_) namespaceChanged(nullptr, nullptr);
  index_[slot] = kDeleted;
  Entry& e = entries_[ix];
  Value oldKey = std::move(e.key);
  Value oldValue = std::move(e.value);
  e.key = Value();
  --used_;
  ++version_;
  if (removed) *removed = std::move(oldValue);
  return true;
}

void DictObject::clear() {
  if (typeNamespace_) namespaceChanged(nullptr, nullptr);
  std::vector<Entry> old = std::move(entries_);
  entries_.clear();
  index_.clear();
  used_ = 0;
  ++version_;
  // `old` dies here, after the dict is consistent: destructors may run user code that reads it.
}

DictViewObject::DictViewObject(Value d, DictViewKind k)
    : TrackedObject(k == DictViewKind::Keys     ? builtinTypes().dictKeys
                    : k == DictViewKind::Values ? builtinTypes().dictValues
                                                : builtinTypes().dictItems),
      dict(std::move(d)),
      kind(k) {}

Value dictViewMapping(const Value& view) {
  return view.as<DictViewObject>()->dict;
}

Value makeDict() {
  return Value::steal(new DictObject());
}
bool isDict(const Value& v) {
  return v.isObject() && v.object()->type()->layout() == Layout::Dict;
}

}  // namespace gilsim
