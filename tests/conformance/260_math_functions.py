# math: CPython 3.11's constants and float functions, printed at full precision (gilsim computes
# gamma and lgamma with CPython's own Lanczos approximation, so even the last digits agree).
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.exp(1), math.expm1(1e-10), math.exp2(10), math.cbrt(27))
print(math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(0.001), math.log1p(1e-20))
print(math.pow(2, 0.5), math.pow(-2, 3), math.pow(math.inf, -1), math.pow(1, math.nan))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(2))
print(math.atan2(1, -1), math.atan2(-0.0, -1), math.atan2(math.inf, math.inf))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.hypot(3, 4), math.hypot(1, 2, 3), math.hypot(), math.hypot(-5), math.hypot(math.nan, math.inf))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 8]))
print(math.degrees(math.pi), math.radians(180))
print(math.fabs(-3), math.fmod(7, -3), math.fmod(-7, math.inf), math.remainder(7, 3), math.remainder(5, 2))
print(math.copysign(2, -0.0), math.copysign(-1, 1))
print(math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4), math.ldexp(1.0, -1100))
print(math.modf(3.25), math.modf(-2.5), math.modf(-math.inf))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.isnan(1))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2),
      math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan))
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.ulp(1.0), math.ulp(0.0), math.ulp(1e300))
print(math.erf(0.5), math.erfc(0.5), math.erf(-3))
print(math.gamma(5), math.gamma(0.5), math.gamma(-1.5), math.gamma(171.5), math.gamma(1e-30))
print(math.lgamma(10), math.lgamma(0.5), math.lgamma(-2.5), math.lgamma(1e6), math.lgamma(2))

# Exact sums: fsum keeps every bit that sum() loses.
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]))
print(math.fsum([math.inf, 1]), math.fsum([1, math.nan]), math.fsum(x / 7 for x in range(100)))
print(math.fsum([1, 1e-16, 1e-16]), math.fsum([2**53, 1, 1e-10]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2], start=2), math.prod(range(1, 26)))
