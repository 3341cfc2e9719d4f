// Argument checking for native functions, with CPython's error wording.
#pragma once

#include <string_view>

#include "interp/objects/containers.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/str_object.h"

namespace gilsim {

// Positional-only functions: rejects keywords and counts outside [min, max].
inline void expectArgs(std::string_view name, const CallArgs& args, size_t min, size_t max) {
  if (args.keywordCount()) raiseTypeError("{}() takes no keyword arguments", name);
  size_t n = args.count;
  if (n >= min && n <= max) return;
  if (min == max) {
    if (min == 0) raiseTypeError("{}() takes no arguments ({} given)", name, n);
    if (min == 1) raiseTypeError("{}() takes exactly one argument ({} given)", name, n);
    raiseTypeError("{} expected {} arguments, got {}", name, min, n);
  }
  if (n < min)
    raiseTypeError("{} expected at least {} argument{}, got {}", name, min, min == 1 ? "" : "s", n);
  raiseTypeError("{} expected at most {} argument{}, got {}", name, max, max == 1 ? "" : "s", n);
}

// Methods: args[0] is self; counts exclude it.
inline void expectMethodArgs(std::string_view name, const CallArgs& args, size_t min, size_t max) {
  if (args.keywordCount()) raiseTypeError("{}() takes no keyword arguments", name);
  size_t n = args.count - 1;
  if (n >= min && n <= max) return;
  if (min == max) {
    if (min == 0) raiseTypeError("{}() takes no arguments ({} given)", name, n);
    if (min == 1) raiseTypeError("{}() takes exactly one argument ({} given)", name, n);
  }
  if (n < min)
    raiseTypeError("{} expected at least {} argument{}, got {}", name, min, min == 1 ? "" : "s", n);
  raiseTypeError("{} expected at most {} argument{}, got {}", name, max, max == 1 ? "" : "s", n);
}

// Splits keyword arguments off: calls `onKeyword(name, value)` for each, returns positional count.
template <class F>
size_t forEachKeyword(const CallArgs& args, F&& onKeyword) {
  size_t nkw = args.keywordCount();
  size_t npos = args.count - nkw;
  for (size_t i = 0; i < nkw; ++i)
    onKeyword(asStr(args.kwnames->items()[i])->view(), args.args[npos + i]);
  return npos;
}

}  // namespace gilsim
