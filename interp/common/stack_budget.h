// How much C++ stack the front end (parser, compiler) may use for one source text. Both recurse
// over the text's nesting; their unit limits (kMaxDepth in the parser, the compiler's expression
// depth) are CPython's own, about 3,000 levels, and this byte budget stops them first wherever
// frames are larger (a sanitizer build), so that no input can run the C++ stack out (issue 15).
// The caller that starts a compile makes sure this much stack is left (Interpreter::compileSource).
#pragma once

#include <cstddef>
#include <cstdint>

namespace gilsim {

#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer's frames are about twice as large: CPython's depths still fit in 6 MiB of the
// 8 MiB every thread has.
inline constexpr size_t kFrontEndStackBytes = size_t{6} << 20;
#else
inline constexpr size_t kFrontEndStackBytes = size_t{3} << 20;
#endif

// The address of the calling frame: the stack grows down on every platform gilsim runs on.
[[gnu::always_inline]] inline uintptr_t currentStackAddress() {
  return reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
}

// A front-end pass's stack, measured from where it started.
class StackBudget {
 public:
  StackBudget() : start_(currentStackAddress()) {}
  [[gnu::always_inline]] bool exhausted() const {
    uintptr_t here = currentStackAddress();
    return here < start_ && start_ - here > kFrontEndStackBytes;
  }

 private:
  uintptr_t start_;
};

}  // namespace gilsim
