#include "interp/objects/native_recursion.h"

#include "interp/objects/errors.h"
#include "interp/vm/vm.h"  // upward: the depth is per Python thread, beside its frames (VM::current)

namespace gilsim {

namespace {
// Without a VM: the default recursion limit, so object-layer code run bare still stops.
constexpr int kBareLimit = 1000;
thread_local int tlsBareDepth = 0;
}  // namespace

NativeRecursionGuard::NativeRecursionGuard(const char* where) : vm_(VM::current()) {
  if (vm_) {
    vm_->enterNativeRecursion(where);
    return;
  }
  if (tlsBareDepth >= kBareLimit) raiseRecursionError("maximum recursion depth exceeded{}", where);
  ++tlsBareDepth;
}

NativeRecursionGuard::~NativeRecursionGuard() {
  if (vm_)
    vm_->leaveNativeRecursion();
  else
    --tlsBareDepth;
}

void checkNativeStack(const char* where) {
  if (VM* vm = VM::current()) vm->checkNativeStack(where);
}

}  // namespace gilsim
