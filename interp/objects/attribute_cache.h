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
#include <utility>

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

// How the attribute is found on objects of one exact type.
struct AttrCacheWay {
  const TypeObject* type = nullptr;
  Object* owner = nullptr;  // borrowed: the class (and so what it holds) outlives the epoch
  uint32_t index = 0;
  AttrCacheKind kind = AttrCacheKind::Empty;
  bool instanceDict = false;  // Method, ClassValue: an instance dict may shadow the name
};

// One instruction's entry: up to four types (a base class's method sees `self` of each
// subclass; CPython 3.11 caches one and re-specialises, V8 keeps four before going megamorphic).
struct AttrCache {
  static constexpr int kWays = 4;
  uint64_t epoch = 0;  // every way was filled under it
  AttrCacheWay ways[kWays];
  uint8_t nextVictim = 0;

  // The way for `type`, or null (also when a class has changed since the ways were filled).
  const AttrCacheWay* find(const TypeObject* type, uint64_t currentEpoch) const {
    if (epoch != currentEpoch) return nullptr;
    for (const AttrCacheWay& way : ways)
      if (way.type == type) return &way;
    return nullptr;
  }
  AttrCacheWay* find(const TypeObject* type, uint64_t currentEpoch) {
    return const_cast<AttrCacheWay*>(std::as_const(*this).find(type, currentEpoch));
  }
  // Records `way`, filled under `wayEpoch`: over any way of a stale epoch, else over the way of
  // the same type, an empty one, or the oldest.
  void install(const AttrCacheWay& way, uint64_t wayEpoch) {
    if (epoch != wayEpoch) {
      *this = AttrCache{};
      epoch = wayEpoch;
    }
    for (AttrCacheWay& w : ways)
      if (w.type == way.type || w.type == nullptr) {
        w = way;
        return;
      }
    ways[nextVictim] = way;
    nextVictim = static_cast<uint8_t>((nextVictim + 1) % kWays);
  }
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

// Add a way to `cache` after the generic operation succeeded on `obj` (attributes.cpp decides
// what can be cached; anything it cannot adds nothing).
void specializeLoadAttr(AttrCache& cache, const Value& obj, StrObject* name);
void specializeStoreAttr(AttrCache& cache, const Value& obj, StrObject* name);
void specializeLoadMethod(AttrCache& cache, const Value& obj, StrObject* name);

}  // namespace gilsim
