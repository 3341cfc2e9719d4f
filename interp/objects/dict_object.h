// dict: insertion ordered, laid out like CPython's compact dict (an entries array in insertion
// order plus a sparse index of slots), so iteration order and growth match what users see there.
#pragma once

#include <utility>
#include <vector>

#include "interp/objects/object.h"

namespace gilsim {

class VM;

class DictObject : public TrackedObject {
 public:
  DictObject();
  struct Entry {
    Value key;  // Null once deleted
    Value value;
    uint64_t hash = 0;
  };

  // Lookups by any key; may run user __eq__/__hash__ (hence may raise).
  Value get(const Value& key) const;  // Null when absent
  void set(const Value& key, Value value);
  bool remove(const Value& key, Value* removed = nullptr);  // false when absent
  // Inserts every entry of `other` in order with its stored hash (no __hash__ call, as CPython's
  // dict_merge): copy, update, `|`. A key's __eq__ that changes `other` meanwhile raises
  // RuntimeError("dict mutated during update") instead of reading a stale table.
  void mergeFrom(const DictObject& other);
  bool contains(const Value& key) const { return !get(key).isNull(); }

  // Fast paths for string keys (names).
  Value getStr(StrObject* key) const;
  Value getStr(std::string_view key) const;
  void setStr(std::string_view key, Value value);

  size_t size() const { return used_; }
  void clear();
  // Index of the entry slot holding `key`, or -1. Stable until the next insert/delete changes the
  // version; the global-name caches of the eval loop use that.
  int64_t findSlot(const Value& key, uint64_t hash) const;
  Entry& entryAt(size_t slot) { return entries_[slot]; }
  const std::vector<Entry>& entries() const { return entries_; }  // skip Null keys
  uint64_t version() const { return version_; }
  void clearReferences() override { clear(); }

  // The attribute caches' view of a dict (attribute_cache.h): the value of the entry at `slot`
  // when that entry's key is the very object `key`, else null.
  const Value* valueIfKeyAt(size_t slot, const Object* key) const {
    if (slot >= entries_.size()) return nullptr;
    const Entry& e = entries_[slot];
    if (e.key.isObject() && e.key.object() == key) return &e.value;
    return sameText(e, key) ? &e.value : nullptr;
  }
  Value* valueIfKeyAt(size_t slot, const Object* key) {
    return const_cast<Value*>(std::as_const(*this).valueIfKeyAt(slot, key));
  }
  // True when `key` (a str) is certainly absent; one probe decides the usual case.
  bool lacksStr(Object* key, uint64_t hash) const {
    if (used_ == 0) return true;
    int32_t ix = index_[hash & (index_.size() - 1)];
    if (ix == -1) return true;
    if (ix >= 0 && entries_[ix].key.isObject() && entries_[ix].key.object() == key) return false;
    return lacksStrSlow(key, hash);
  }
  // set() for a str key with its hash; answers the entry's slot.
  size_t setStrKey(StrObject* key, uint64_t hash, Value value);
  // A class's namespace: changes to it advance the type epoch that guards the attribute caches.
  void markTypeNamespace() { typeNamespace_ = true; }

 private:
  void insertNew(Value key, Value value, uint64_t hash);
  void setWithHash(const Value& key, Value value, uint64_t hash);
  void rebuildIndex(size_t minCapacity);
  int64_t lookup(const Value& key, uint64_t hash, size_t* indexSlot) const;
  // One probe of the current table; sets *changed (and gives up) when a compare changed it.
  int64_t probe(const Value& key, uint64_t hash, size_t* indexSlot, bool* changed) const;
  bool lacksStrSlow(Object* key, uint64_t hash) const;
  // An entry whose key is a str equal to `key` though another object (setattr with a computed
  // name): still the same attribute.
  static bool sameText(const Entry& e, const Object* key);
  void namespaceChanged(const Value* old, const Value* replacement) const;
  std::vector<Entry> entries_;
  std::vector<int32_t> index_;  // -1 empty, -2 deleted, else position in entries_
  size_t used_ = 0;
  uint64_t version_ = 0;
  bool typeNamespace_ = false;
};

// keys(), values(), items(): live views of a dict.
enum class DictViewKind : uint8_t { Keys, Values, Items };
class DictViewObject : public TrackedObject {
 public:
  DictViewObject(Value dict, DictViewKind kind);
  Value dict;
  DictViewKind kind;
  void clearReferences() override { dict = Value(); }
};

Value makeDict();
Value dictViewMapping(const Value& view);  // the dict behind a view
// reversed(d) and reversed(d.keys() / values() / items()): newest entry first (items.cpp).
Value reversedDict(const Value& dict, DictViewKind kind);
bool isDict(const Value& v);

}  // namespace gilsim
