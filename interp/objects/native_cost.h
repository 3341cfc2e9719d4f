// What native work costs on the simulated machine, where time is virtual: the eval loop charges
// each instruction its cost from the opcode table, and the native operations whose work grows
// with their data charge theirs here (a string by its length, a big int by its limbs, a sort by
// n log n, a call into native code). On the real machine the clock is null and each charge is one
// well-predicted branch.
//
// The costs are in the units of the opcode table (kCostCalibration virtual ns each), calibrated
// with the instruction costs so that simulated runs
// take about as long as real ones on the CI machine (tests/bench/sim_calibration.py; README,
// "The simulated machine"). Raise kCostTableVersion (interp/common/opcodes.h) with them.
#pragma once

#include <cstddef>
#include <cstdint>

#include "interp/common/opcodes.h"

namespace gilsim {

struct NativeCosts {
  static constexpr int64_t kNativeCall = 60;            // entering a native function or method
  static constexpr int64_t kStrCreate = 100;            // a new str or bytes object...
  static constexpr int64_t kStrPerEightBytes = 1;       // ...and its bytes
  static constexpr int64_t kNarrowIntCreate = 19;       // an int past 64 bits, up to 128
  static constexpr int64_t kWideIntCreate = 50;         // a big int...
  static constexpr int64_t kWideIntPerLimbSquared = 2;  // ...growing as schoolbook arithmetic does
  static constexpr int64_t kJoinPerPiece = 100;
  static constexpr int64_t kSplitPerPiece = 150;  // beyond the new str
  static constexpr int64_t kSortPerCompare = 25;  // n log2 n of them
  static constexpr int64_t kFormatSpec = 400;     // a format spec's parse and rendering
  static constexpr int64_t kDictInsert = 20;      // a new key (a resize now and then)
};

namespace detail {
// The simulated machine's clock, for the OS thread running it (all of a simulated process's
// threads are fibers on one OS thread); null on the real machine. Set by the VM layer.
// constinit: without it every read from another file goes through a TLS wrapper call, which
// checks for a dynamic initializer; the eval loop reads this on every native charge.
extern constinit thread_local int64_t* tlsNativeCostClock;
}  // namespace detail

// `cost` in the units of NativeCosts, which kCostCalibration turns into virtual nanoseconds.
inline void chargeNativeWork(int64_t cost) {
  constexpr int64_t kScale = scaledCost(1024);  // 1/16 ns per 1,024 units
  if (int64_t* clock = detail::tlsNativeCostClock)
    *clock += (cost * kScale) >> (10 + kCostFractionBits);
}
inline bool nativeWorkIsCharged() {
  return detail::tlsNativeCostClock != nullptr;
}

}  // namespace gilsim
