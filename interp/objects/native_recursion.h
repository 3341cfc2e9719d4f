// The one depth guard of native code that recurses over user data: repr and str of containers,
// comparison, pickling. Each level counts against sys.getrecursionlimit() together with the Python
// frames (CPython 3.11's Py_EnterRecursiveCall), and the C++ stack is checked too, so a list nested
// 20,000 deep (or a raised limit) raises RecursionError instead of overflowing the stack (issue
// 15).
#pragma once

namespace gilsim {

class VM;

// CPython's wording, appended to "maximum recursion depth exceeded".
inline constexpr const char kWhileRepr[] = " while getting the repr of an object";
inline constexpr const char kWhileStr[] = " while getting the str of an object";
inline constexpr const char kInComparison[] = " in comparison";
inline constexpr const char kWhilePickling[] = " while pickling an object";
inline constexpr const char kWhileUnpickling[] = " while unpickling an object";
inline constexpr const char kWhileHashing[] = " while hashing an object";

// One level of native recursion for the current Python thread; raises RecursionError past the
// limit. Without a running VM (unit tests of the object layer) a per-OS-thread count stands in.
class NativeRecursionGuard {
 public:
  explicit NativeRecursionGuard(const char* where);
  ~NativeRecursionGuard();
  NativeRecursionGuard(const NativeRecursionGuard&) = delete;
  NativeRecursionGuard& operator=(const NativeRecursionGuard&) = delete;

 private:
  VM* vm_;
};

// The C++ stack alone, for native recursion CPython leaves uncounted (the hash of nested tuples
// succeeds there at any depth the stack holds): raises RecursionError only where the stack ends.
void checkNativeStack(const char* where);

}  // namespace gilsim
