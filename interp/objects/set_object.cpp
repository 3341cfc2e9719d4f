#include "interp/objects/set_object.h"

#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

namespace {
constexpr size_t kLinearProbes = 9;  // CPython's setobject.c LINEAR_PROBES
constexpr size_t kMinSize = 8;

bool keysEqual(const Value& stored, const Value& key) {
  if (stored.identical(key)) return true;
  if (isStr(stored) && isStr(key)) return asStr(stored)->str() == asStr(key)->str();
  if (stored.isSmallInt() && key.isSmallInt()) return false;
  return equals(stored, key);
}
}  // namespace

SetObject::SetObject(bool frozen)
    : TrackedObject(frozen ? builtinTypes().frozenset : builtinTypes().set), frozen_(frozen) {}

int64_t SetObject::find(const Value& key, uint64_t hash) const {
  if (table_.empty()) return -1;
  size_t mask = table_.size() - 1;
  size_t i = hash & mask;
  uint64_t perturb = hash;
  for (;;) {
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (size_t j = 0; j <= probes; ++j) {
      const Slot& s = table_[i + j];
      if (s.key.isNull() && !s.dummy) return -1;
      if (!s.dummy && s.hash == hash && keysEqual(s.key, key)) return static_cast<int64_t>(i + j);
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void SetObject::insertClean(Value key, uint64_t hash) {
  size_t mask = table_.size() - 1;
  size_t i = hash & mask;
  uint64_t perturb = hash;
  for (;;) {
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (size_t j = 0; j <= probes; ++j) {
      Slot& s = table_[i + j];
      if (s.key.isNull()) {
        s.key = std::move(key);
        s.hash = hash;
        s.dummy = false;
        return;
      }
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void SetObject::resize(size_t minUsed) {
  size_t size = kMinSize;
  while (size <= minUsed)
    size <<= 1;
  std::vector<Slot> old = std::move(table_);
  table_.assign(size, Slot{});
  fill_ = used_;
  for (Slot& s : old)
    if (!s.key.isNull() && !s.dummy) insertClean(std::move(s.key), s.hash);
}

bool SetObject::add(const Value& key) {
  uint64_t h = hashValue(key);
  if (table_.empty()) table_.assign(kMinSize, Slot{});
  if (find(key, h) >= 0) return false;
  // Walk the probe sequence to the first never-used slot; like CPython 3.11's set_add_entry, the
  // key goes into the last deleted slot passed on the way, if any, else into that unused slot.
  size_t mask = table_.size() - 1;
  size_t i = h & mask;
  uint64_t perturb = h;
  Slot* lastDummy = nullptr;
  Slot* target = nullptr;
  while (!target) {
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (size_t j = 0; j <= probes; ++j) {
      Slot& s = table_[i + j];
      if (s.dummy) {
        lastDummy = &s;
      } else if (s.key.isNull()) {
        target = lastDummy ? lastDummy : &s;
        if (!lastDummy) ++fill_;
        break;
      }
    }
    if (!target) {
      perturb >>= 5;
      i = (i * 5 + 1 + perturb) & mask;
    }
  }
  target->key = key;
  target->hash = h;
  target->dummy = false;
  ++used_;
  if (fill_ * 5 >= mask * 3) resize(used_ > 50000 ? used_ * 2 : used_ * 4);
  return true;
}

bool SetObject::contains(const Value& key) const {
  return find(key, hashValue(key)) >= 0;
}

bool SetObject::discard(const Value& key) {
  int64_t i = find(key, hashValue(key));
  if (i < 0) return false;
  Value old = std::move(table_[i].key);
  table_[i].key = Value();
  table_[i].dummy = true;
  --used_;
  return true;
}

void SetObject::clear() {
  std::vector<Slot> old = std::move(table_);
  table_.clear();
  used_ = fill_ = 0;
}

std::vector<Value> SetObject::items() const {
  std::vector<Value> out;
  out.reserve(used_);
  forEach([&](const Value& v) { out.push_back(v); });
  return out;
}

Value makeSet(bool frozen) {
  return Value::steal(new SetObject(frozen));
}
bool isSet(const Value& v) {
  return v.isObject() && v.object()->type()->layout() == Layout::Set;
}

}  // namespace gilsim
