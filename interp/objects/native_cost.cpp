#include "interp/objects/native_cost.h"

namespace gilsim::detail {

constinit thread_local int64_t* tlsNativeCostClock = nullptr;

}  // namespace gilsim::detail
