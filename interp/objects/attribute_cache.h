// Inline caches of attribute loads, stores and method loads, one per instruction, in the manner of
// CPython 3.11's specialising interpreter (LOAD_ATTR_INSTANCE_VALUE, STORE_ATTR_INSTANCE_VALUE,
// LOAD_ATTR_SLOT, LOAD_ATTR_MODULE, LOAD_METHOD_WITH_VALUES).
//
// A cache entry says: "for an object of exactly this type, while no class has changed, the
// attribute is found this way". Two guards make that safe:
//   - the type epoch: one counter for the process, advanced whenever a class's namespace gains or
//     loses a name, has a value replaced by one that could be a descriptor or method, changes its
//     bases, or a class is freed (so a new class at the same address never matches an old entry).
//     CPython keeps a version tag per type and invalidates subclasses; one counter is simpler and,
//     since programs change classes while they define them rather than while they run, costs no
//     hits in practice. `Counter.count += 1` (an int replaced by an int) does not advance it: no
//     cached lookup depends on a plain value of a class, only on where it is.
//   - the key: an entry that reads an instance's or a module's dict names the entry index where
//     the name was, and a hit requires the very same interned name object there. Dicts of
//     instances of one class are filled in the same order, so one index serves all of them.
#pragma once

#include <atomic>
#include <cstdint>

#include "interp/objects/object.h"

namespace gilsim {

class StrObject;

enum class AttrCacheKind : uint8_t {
  Empty,
  InstanceValue,  // the instance's dict, at `index`
  ClassValue,     // a plain value in the dict `owner` of a class on the MRO, at `index`
  Slot,           // a __slots__ member: InstanceObject::slots[index]
  ModuleValue,    // the module's dict, at `index`
  Method,         // LOAD_METHOD: the function or native method `owner`, unbound
};

struct AttrCache {
  const TypeObject* type = nullptr;  // the exact type of the object the entry is for
  uint64_t epoch = 0;
  Object* owner = nullptr;  // borrowed: the class (and so what it holds) outlives the epoch
  uint32_t index = 0;
  AttrCacheKind kind = AttrCacheKind::Empty;
  bool instanceDict = false;  // Method: an instance dict may shadow the method
};

namespace detail {
inline std::atomic<uint64_t> gTypeEpoch{1};
}  // namespace detail

inline uint64_t typeEpoch() {
  return detail::gTypeEpoch.load(std::memory_order_relaxed);
}
// Invalidates every attribute cache in the process.
inline void advanceTypeEpoch() {
  detail::gTypeEpoch.fetch_add(1, std::memory_order_relaxed);
}

// Fill `cache` after the generic operation succeeded on `obj` (attributes.cpp decides what can be
// cached; anything it cannot leaves the entry Empty).
void specializeLoadAttr(AttrCache& cache, const Value& obj, StrObject* name);
void specializeStoreAttr(AttrCache& cache, const Value& obj, StrObject* name);
void specializeLoadMethod(AttrCache& cache, const Value& obj, StrObject* name);

}  // namespace gilsim
