// Gamma and log-gamma as CPython 3.11 computes them (its own Lanczos approximation, not libm's
// tgamma/lgamma, whose last digits differ), so math.gamma prints the same under both.
#pragma once

namespace gilsim {

// Results for finite non-pole arguments; the caller checks the domain (poles, -inf) and the
// range (an infinite result of a finite argument).
double lanczosGamma(double x);
double lanczosLogGamma(double x);

}  // namespace gilsim
