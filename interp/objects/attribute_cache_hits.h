// The hit side of the attribute caches (attribute_cache.h), inlined into the eval loop. Each is
// called with the way that the object's exact type found under the current type epoch.
#pragma once

#include "interp/objects/attribute_cache.h"
#include "interp/objects/class_object.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/str_object.h"

namespace gilsim {

// The attribute's value, or null when this object does not fit the entry after all (an instance
// whose dict was filled in another order, a name an instance's dict shadows, an unset slot).
inline const Value* cachedAttribute(const AttrCacheWay& cache, Object* o, StrObject* name) {
  switch (cache.kind) {
    case AttrCacheKind::InstanceValue: {
      const DictObject* dict = static_cast<InstanceObject*>(o)->dict();
      return dict ? dict->valueIfKeyAt(cache.index, name) : nullptr;
    }
    case AttrCacheKind::ModuleValue:
      return static_cast<ModuleObject*>(o)->dict()->valueIfKeyAt(cache.index, name);
    case AttrCacheKind::Slot: {
      const std::vector<Value>& slots = static_cast<InstanceObject*>(o)->slots;
      if (cache.index >= slots.size() || slots[cache.index].isNull()) return nullptr;
      return &slots[cache.index];
    }
    case AttrCacheKind::ClassValue: {
      const DictObject* dict = static_cast<InstanceObject*>(o)->dict();
      if (dict && !dict->lacksStr(name, name->hash())) return nullptr;
      return static_cast<const DictObject*>(cache.owner)->valueIfKeyAt(cache.index, name);
    }
    case AttrCacheKind::Empty:
    case AttrCacheKind::Method:
      break;
  }
  return nullptr;
}

// Stores `value`, or answers false for the generic path. A name new to this instance's dict is
// inserted, and the entry then points where it went.
inline bool storeCachedAttribute(AttrCacheWay& cache, Object* o, StrObject* name,
                                 const Value& value) {
  if (cache.kind == AttrCacheKind::InstanceValue) {
    DictObject* dict = static_cast<InstanceObject*>(o)->dict();
    if (!dict) return false;
    if (Value* slot = dict->valueIfKeyAt(cache.index, name))
      *slot = value;
    else
      cache.index = static_cast<uint32_t>(dict->setStrKey(name, name->hash(), value));
    return true;
  }
  if (cache.kind == AttrCacheKind::Slot) {
    std::vector<Value>& slots = static_cast<InstanceObject*>(o)->slots;
    if (cache.index >= slots.size()) return false;
    slots[cache.index] = value;
    return true;
  }
  return false;
}

// LOAD_METHOD: the cached function applies unless this instance's dict shadows the name.
inline bool cachedMethodApplies(const AttrCacheWay& cache, Object* o, StrObject* name) {
  if (cache.kind != AttrCacheKind::Method) return false;
  if (!cache.instanceDict) return true;
  const DictObject* dict = o->instanceDict();
  return !dict || dict->lacksStr(name, name->hash());
}

}  // namespace gilsim
