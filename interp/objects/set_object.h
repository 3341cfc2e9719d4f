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
  // Slot-order iteration.
  template <class F>
  void forEach(F&& f) const {
    for (const Slot& s : table_)
      if (!s.key.isNull() && !s.dummy) f(s.key);
  }
  std::vector<Value> items() const;
  void clearReferences() override { clear(); }
  bool frozen() const { return frozen_; }

 private:
  struct Slot {
    Value key;
    uint64_t hash = 0;
    bool dummy = false;
  };
  int64_t find(const Value& key, uint64_t hash) const;
  void insertClean(Value key, uint64_t hash);
  void resize(size_t minUsed);
  std::vector<Slot> table_;
  size_t used_ = 0, fill_ = 0;
  bool frozen_;
};

Value makeSet(bool frozen = false);
bool isSet(const Value& v);  // set or frozenset

}  // namespace gilsim
