// Identifiers as one str object per distinct name per interpreter, as CPython interns the names
// its compiler emits: the attribute caches (attribute_cache.h) recognise a name in a dict by the
// identity of its key, so `self.x = ...` in __init__ and `self.x` in a method must share it.
#pragma once

#include <string_view>

#include "interp/objects/object.h"

namespace gilsim {

class StrObject;

// The interned str for `name` in the current heap's interpreter (a fresh str when no heap is
// current, as in tests that compile without an interpreter).
Value internedName(std::string_view name);
// sys.intern(): `str` itself when it is the first of its text, else the interned one.
Value internStr(const Value& str);
// `name` as an immortal str shared by every interpreter, its hash computed: for names native code
// looks up by text (dunders, mostly). Null past a bound on how many there are.
StrObject* sharedName(std::string_view name);
// Drops a torn-down interpreter's table.
void releaseInternedNames(Heap* heap);

}  // namespace gilsim
