#include "interp/objects/set_object.h"

#include "interp/objects/errors.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

namespace {
constexpr size_t kLinearProbes = 9;  // CPython's setobject.c LINEAR_PROBES
constexpr size_t kMinSize = 8;
constexpr int kMaxLookupRestarts = 1000;

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
  // Once per probe; again when a key's __eq__ changed the set under it (bounded as the dict's
  // lookup is: CPython would restart without end).
  for (int restarts = 0; restarts <= kMaxLookupRestarts; ++restarts) {
    bool changed = false;
    int64_t found = probe(key, hash, &changed);
    if (!changed) return found;
  }
  raiseRuntimeError(
      "set changed during a lookup {} times in a row: gilsim stops where CPython would keep "
      "restarting the lookup",
      kMaxLookupRestarts + 1);
}

int64_t SetObject::probe(const Value& key, uint64_t hash, bool* changed) const {
  if (table_.empty()) return -1;
  size_t mask = table_.size() - 1;
  size_t i = hash & mask;
  uint64_t perturb = hash;
  for (;;) {
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (size_t j = 0; j <= probes; ++j) {
      const Slot& s = table_[i + j];
      if (s.key.isNull() && !s.dummy) return -1;
      if (s.dummy || s.hash != hash) continue;
      // Hold the stored key and check the version after the compare: __eq__ may clear or
      // resize this set (CPython's set_lookkey starts again then).
      Value stored = s.key;
      uint64_t before = version_;
      bool same = keysEqual(stored, key);
      if (version_ != before) {
        *changed = true;
        return -1;
      }
      if (same) return static_cast<int64_t>(i + j);
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
  ++version_;
  for (Slot& s : old)
    if (!s.key.isNull() && !s.dummy) insertClean(std::move(s.key), s.hash);
}

bool SetObject::add(const Value& key) {
  uint64_t h = hashValue(key);
  if (find(key, h) >= 0) return false;
  // After the lookup: its compares may have emptied the table.
  if (table_.empty()) table_.assign(kMinSize, Slot{});
  ++version_;
  hasCachedHash_ = false;
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
  ++version_;
  hasCachedHash_ = false;
  return true;
}

void SetObject::clear() {
  std::vector<Slot> old = std::move(table_);
  table_.clear();
  used_ = fill_ = 0;
  ++version_;
  hasCachedHash_ = false;
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
