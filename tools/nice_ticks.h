// Round tick values for chart and timeline axes: steps of 1, 2 or 5 times a power of ten.
#pragma once

#include <vector>

namespace gilsim::cli {

// A step such that [0, max] holds about `count` steps (at least one); 1 for max <= 0.
double niceStep(double max, int count);

// 0, step, 2*step ... up to and including `max` (within a rounding error).
std::vector<double> ticksUpTo(double max, double step);

// How many decimals a tick label needs to show multiples of `step` exactly: 0 for 2, 1 for 0.5,
// 2 for 0.25 (at most 6).
int decimalsFor(double step);

}  // namespace gilsim::cli
