// set: an open-addressing table probed the way CPython's setobject.c probes (linear runs of
// LINEAR_PROBES slots, then perturbation), and iterated in slot order, so a set of small ints
// prints in the same order as under CPython.
#pragma once

#include <vector>

#include "interp/objects/object.h"

namespace gilsim {

class SetObject : public TrackedObject {
 public:
  explicit SetObject(bool frozen = false);
  bool add(const Value& key);  // false if present
  bool contains(const Value& key) const;
  bool discard(const Value& key);
  size_t size() const { return used_; }
  void clear();
  // Slot-order iteration. By index, each key held while `f` runs: `f` may run Python code
  // (__eq__, __hash__) that changes this set; iteration then goes on over the new table.
  template <class F>
  void forEach(F&& f) const {
    for (size_t i = 0; i < table_.size(); ++i) {
      if (table_[i].key.isNull() || table_[i].dummy) continue;
      Value key = table_[i].key;
      f(key);
    }
  }
  // Bumped by every change of membership or table: how a lookup sees its compare change the set.
  uint64_t version() const { return version_; }
  std::vector<Value> items() const;
  void clearReferences() override { clear(); }
  bool frozen() const { return frozen_; }
  // A frozenset's hash, computed once (CPython caches it too: without the cache a frozenset of a
  // frozenset of ... rehashed its whole chain on every insert, quadratic and deep on the stack).
  bool hashCached(uint64_t* hash) const {
    *hash = cachedHash_;
    return hasCachedHash_;
  }
  void cacheHash(uint64_t hash) const {
    cachedHash_ = hash;
    hasCachedHash_ = true;
  }

 private:
  struct Slot {
    Value key;
    uint64_t hash = 0;
    bool dummy = false;
  };
  int64_t find(const Value& key, uint64_t hash) const;
  // One probe of the current table; sets *changed (and gives up) when a compare changed it.
  int64_t probe(const Value& key, uint64_t hash, bool* changed) const;
  void insertClean(Value key, uint64_t hash);
  void resize(size_t minUsed);
  std::vector<Slot> table_;
  size_t used_ = 0, fill_ = 0;
  uint64_t version_ = 0;
  mutable uint64_t cachedHash_ = 0;
  mutable bool hasCachedHash_ = false;
  bool frozen_;
};

Value makeSet(bool frozen = false);
bool isSet(const Value& v);  // set or frozenset

}  // namespace gilsim
