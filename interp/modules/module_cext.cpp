// The cext module: the stand-in for native code, written against the public extension API
// (include/gilsim/extension.h) like any user extension, and linked in.
//
//   compute(units)          CPU work in native code, GIL released (like hashlib or zlib on big
//                           buffers): threads running it scale with cores
//   compute_holding(units)  the same work holding the GIL (a badly behaved extension)
//   block(seconds)          a blocking native wait, GIL released
//   block_holding(seconds)  the same wait holding the GIL: every other thread stops
//
// One unit is 2^20 rounds of a 64-bit mixing function (about 2 ms on the 2-core CI machine). The
// result is returned so the compiler cannot drop the work. Under --sim the work is still done (so
// the result is the same) and charged kSecondsPerUnit a unit, what it takes on that machine, so
// that a simulated run lasts as long and replays exactly; the waits take virtual time.
#include <time.h>

#include <cerrno>
#include <cmath>

#include "gilsim/extension.h"
#include "interp/modules/extension_module.h"
#include "interp/modules/native_modules.h"

namespace gilsim {

namespace {

constexpr int64_t kRoundsPerUnit = int64_t{1} << 20;
constexpr int64_t kMaxUnits = int64_t{1} << 40;
// Measured: 2.0-2.1 ms a unit on the CI machine (AMD EPYC, -O2).
constexpr double kSecondsPerUnit = 0.002;

int64_t mixRounds(int64_t units) {
  uint64_t h = 0x9e3779b97f4a7c15u;
  const uint64_t rounds = static_cast<uint64_t>(units * kRoundsPerUnit);
  for (uint64_t i = 0; i < rounds; ++i) {
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9u;
    h += i;
  }
  return static_cast<int64_t>(h >> 1);
}

bool unitsArgument(gilsim_call* call, int64_t* units) {
  const gilsim_api* api = gilsim_call_api(call);
  if (api->arg_count(call) != 1) {
    api->raise_error(call, GILSIM_TYPE_ERROR, "expected one argument: units");
    return false;
  }
  if (api->arg_int(call, 0, units) != 0) return false;
  if (*units < 0 || *units > kMaxUnits) {
    api->raise_error(call, GILSIM_VALUE_ERROR, "units must be between 0 and 2**40");
    return false;
  }
  return true;
}

bool secondsArgument(gilsim_call* call, double* seconds) {
  const gilsim_api* api = gilsim_call_api(call);
  if (api->arg_count(call) != 1) {
    api->raise_error(call, GILSIM_TYPE_ERROR, "expected one argument: seconds");
    return false;
  }
  if (api->arg_float(call, 0, seconds) != 0) return false;
  if (!(*seconds >= 0) || *seconds > 1e9) {
    api->raise_error(call, GILSIM_VALUE_ERROR, "seconds must be between 0 and 1e9");
    return false;
  }
  return true;
}

void compute(gilsim_call* call) {
  int64_t units;
  if (!unitsArgument(call, &units)) return;
  const gilsim_api* api = gilsim_call_api(call);
  api->release_gil(call);
  int64_t result = mixRounds(units);
  api->charge_time(call, static_cast<double>(units) * kSecondsPerUnit);
  api->acquire_gil(call);
  api->return_int(call, result);
}

void computeHolding(gilsim_call* call) {
  int64_t units;
  if (!unitsArgument(call, &units)) return;
  const gilsim_api* api = gilsim_call_api(call);
  int64_t result = mixRounds(units);
  api->charge_time(call, static_cast<double>(units) * kSecondsPerUnit);
  api->return_int(call, result);
}

void block(gilsim_call* call) {
  double seconds;
  if (!secondsArgument(call, &seconds)) return;
  const gilsim_api* api = gilsim_call_api(call);
  api->release_gil(call);
  // Ctrl-C cuts the wait short; the interpreter raises KeyboardInterrupt at its next check point.
  api->wait(call, seconds);
  api->acquire_gil(call);
}

void blockHolding(gilsim_call* call) {
  double seconds;
  if (secondsArgument(call, &seconds)) gilsim_call_api(call)->wait(call, seconds);
}

int initCext(const gilsim_api* api, gilsim_module* module) {
  api->add_function(module, "compute", compute);
  api->add_function(module, "compute_holding", computeHolding);
  api->add_function(module, "block", block);
  api->add_function(module, "block_holding", blockHolding);
  return 0;
}

}  // namespace

void initCextModule(VM& vm, ModuleObject* module) {
  initLinkedExtension(vm, module, initCext);
}

}  // namespace gilsim
