// sys.getsizeof: the sizes CPython 3.11 reports on 64-bit Linux, computed from each value's
// shape (gilsim's own objects are laid out differently; a script comparing sizes should see
// CPython's numbers).
#pragma once

#include "interp/objects/function_object.h"

namespace gilsim {

// getsizeof(object[, default]). Exact for int, float, bool, None, str, bytes, tuple, lists built
// at their length, and dicts and sets grown by insertion; other objects get the size of a
// plain instance (CPython's per-type sizes are not modelled).
Value sysGetsizeof(VM& vm, CallArgs args);

}  // namespace gilsim
