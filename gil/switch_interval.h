// The switch interval as CPython keeps it (Python/ceval_gil.c stores `interval` in whole
// microseconds; sysmodule.c rejects a value that is not strictly positive, and take_gil waits at
// least one microsecond). Every way in goes through here: `gilsim run --switch-interval`,
// sys.setswitchinterval, the policy table's defaults and a policy's setSwitchInterval, so the
// script, the trace and the stats all see the same value.
#pragma once

#include <optional>

#include "gil/sync.h"

namespace gilsim {

inline constexpr Nanos kMinSwitchInterval = kNanosPerMicro;
// 9e15 microseconds: far beyond any run, and `now + interval` still fits in 63 bits.
inline constexpr Nanos kMaxSwitchInterval = Nanos{9'000'000'000'000'000};

// Down to whole microseconds, within [kMinSwitchInterval, kMaxSwitchInterval].
Nanos roundSwitchInterval(Nanos interval);
// A requested interval in seconds, rounded as above; nullopt when it is not strictly positive
// (zero, negative, NaN): CPython's "switch interval must be strictly positive".
std::optional<Nanos> switchIntervalFromSeconds(double seconds);

}  // namespace gilsim
