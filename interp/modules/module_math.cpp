// The math module: CPython 3.11's functions and constants, with its results and its errors.
//
// CPython's rule for a libm function of one float (math_1 in Modules/mathmodule.c), kept here:
// a NaN out of a non-NaN argument is a domain error (ValueError "math domain error"); an
// infinity out of a finite argument is a range error (OverflowError "math range error") for the
// functions that can overflow (exp, cosh, ...) and a domain error for the others (log1p(-1),
// atanh(1)). The integer functions (isqrt, factorial, comb, perm, gcd, lcm) live in
// math_integer.cpp; fsum is exact (Shewchuk's partials, CPython's final rounding).
#include <cmath>
#include <limits>
#include <utility>

#include "interp/modules/math_gamma.h"
#include "interp/modules/math_integer.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"

namespace gilsim {

namespace {

// math.fsum's cost per input item and partial kept (one add each), in NativeCosts' units.
constexpr int64_t kFloatSumPerItem = 4;

[[noreturn]] void domainError() {
  raiseValueError("math domain error");
}
[[noreturn]] void rangeError() {
  raiseOverflowError("math range error");
}

double checkedUnary(double x, double r, bool canOverflow) {
  if (std::isnan(r) && !std::isnan(x)) domainError();
  if (std::isinf(r) && std::isfinite(x)) {
    if (canOverflow) rangeError();
    domainError();
  }
  return r;
}

double checkedBinary(double x, double y, double r) {
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) domainError();
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) rangeError();
  return r;
}

struct UnaryFunction {
  const char* name;  // as CPython's errors spell it: "math.sqrt"
  double (*fn)(double);
  bool canOverflow;
};

// Every libm function of one float that follows math_1's rule, declared once.
constexpr UnaryFunction kUnaryFunctions[] = {
    {"math.acos", [](double x) { return std::acos(x); }, false},
    {"math.acosh", [](double x) { return std::acosh(x); }, false},
    {"math.asin", [](double x) { return std::asin(x); }, false},
    {"math.asinh", [](double x) { return std::asinh(x); }, false},
    {"math.atan", [](double x) { return std::atan(x); }, false},
    {"math.atanh", [](double x) { return std::atanh(x); }, false},
    {"math.cbrt", [](double x) { return std::cbrt(x); }, false},
    {"math.cos", [](double x) { return std::cos(x); }, false},
    {"math.cosh", [](double x) { return std::cosh(x); }, true},
    {"math.erf", [](double x) { return std::erf(x); }, false},
    {"math.erfc", [](double x) { return std::erfc(x); }, false},
    {"math.exp", [](double x) { return std::exp(x); }, true},
    {"math.exp2", [](double x) { return std::exp2(x); }, true},
    {"math.expm1", [](double x) { return std::expm1(x); }, true},
    {"math.fabs", [](double x) { return std::fabs(x); }, false},
    {"math.log1p", [](double x) { return std::log1p(x); }, false},
    {"math.sin", [](double x) { return std::sin(x); }, false},
    {"math.sinh", [](double x) { return std::sinh(x); }, true},
    {"math.sqrt", [](double x) { return std::sqrt(x); }, false},
    {"math.tan", [](double x) { return std::tan(x); }, false},
    {"math.tanh", [](double x) { return std::tanh(x); }, false},
    {"math.degrees", [](double x) { return x * (180.0 / M_PI); }, false},
    {"math.radians", [](double x) { return x * (M_PI / 180.0); }, false},
};

template <size_t I>
Value unary(VM&, CallArgs args) {
  constexpr const UnaryFunction& f = kUnaryFunctions[I];
  expectArgs(f.name, args, 1, 1);
  double x = toDouble(args[0]);
  return Value::real(checkedUnary(x, f.fn(x), f.canOverflow));
}

template <size_t... I>
void addUnaryFunctions(DictObject* d, std::index_sequence<I...>) {
  // "math.sqrt" -> "sqrt" for the dict key and the function's __name__.
  (d->setStr(kUnaryFunctions[I].name + 5, makeNative(kUnaryFunctions[I].name + 5, unary<I>)), ...);
}

bool isNonPositiveInteger(double x) {
  return x <= 0 && std::floor(x) == x;
}

Value mathGamma(VM&, CallArgs args) {
  expectArgs("math.gamma", args, 1, 1);
  double x = toDouble(args[0]);
  if (std::isnan(x) || x == HUGE_VAL) return Value::real(x);
  if (std::isinf(x) || isNonPositiveInteger(x)) domainError();
  double r = lanczosGamma(x);
  if (std::isinf(r)) rangeError();
  return Value::real(r);
}

Value mathLgamma(VM&, CallArgs args) {
  expectArgs("math.lgamma", args, 1, 1);
  double x = toDouble(args[0]);
  if (std::isnan(x)) return Value::real(x);
  if (std::isinf(x)) return Value::real(HUGE_VAL);
  if (isNonPositiveInteger(x)) domainError();
  double r = lanczosLogGamma(x);
  if (std::isinf(r)) rangeError();
  return Value::real(r);
}

// log, log2 and log10 of ints too large for a float: x = m * 2**e, log(x) = log(m) + e*log(2)
// (CPython's loghelper).
double logOf(const Value& v, double (*fn)(double)) {
  if (isInt(v)) {
    if (intSign(v) <= 0) domainError();
    int64_t small;
    if (!intFitsInt64(v, &small)) {
      BigInt big = toBigInt(v);
      int64_t bits = static_cast<int64_t>(msb(big)) + 1;
      if (bits >= 1024) {
        // x = m * 2**bits with 0.5 <= m < 1, m rounded once from x's top 64 bits.
        unsigned shift = static_cast<unsigned>(bits - 64);
        double top = intToDouble(makeInt(BigInt(big >> shift)));
        double m = std::ldexp(top, -64);
        return fn(m) + fn(2.0) * static_cast<double>(bits);
      }
    }
  }
  double x = toDouble(v);
  if (std::isnan(x)) return x;
  if (x <= 0) domainError();
  return fn(x);
}

Value mathLog(VM&, CallArgs args) {
  expectArgs("log", args, 1, 2);
  double num = logOf(args[0], [](double x) { return std::log(x); });
  if (args.count == 1) return Value::real(num);
  double den = logOf(args[1], [](double x) { return std::log(x); });
  if (den == 0) raiseZeroDivisionError("float division by zero");
  return Value::real(num / den);
}

Value mathLog2(VM&, CallArgs args) {
  expectArgs("math.log2", args, 1, 1);
  return Value::real(logOf(args[0], [](double x) { return std::log2(x); }));
}

Value mathLog10(VM&, CallArgs args) {
  expectArgs("math.log10", args, 1, 1);
  return Value::real(logOf(args[0], [](double x) { return std::log10(x); }));
}

Value mathPow(VM&, CallArgs args) {
  expectArgs("pow", args, 2, 2);
  double x = toDouble(args[0]), y = toDouble(args[1]);
  double r = std::pow(x, y);  // C99's special cases for infinities and NaNs are CPython's too
  if (std::isfinite(x) && std::isfinite(y) && !std::isfinite(r)) {
    if (std::isnan(r) || x == 0) domainError();
    rangeError();
  }
  return Value::real(r);
}

template <double (*F)(double, double)>
Value binary(VM&, CallArgs args, const char* name) {
  expectArgs(name, args, 2, 2);
  double x = toDouble(args[0]), y = toDouble(args[1]);
  return Value::real(checkedBinary(x, y, F(x, y)));
}

double atan2Of(double y, double x) {
  return std::atan2(y, x);
}
double fmodOf(double x, double y) {
  if (std::isinf(y) && std::isfinite(x)) return x;
  return std::fmod(x, y);
}
double remainderOf(double x, double y) {
  return std::remainder(x, y);
}
double copysignOf(double x, double y) {
  return std::copysign(x, y);
}
double nextafterOf(double x, double y) {
  return std::nextafter(x, y);
}

Value mathAtan2(VM& vm, CallArgs args) {
  return binary<atan2Of>(vm, args, "atan2");
}
Value mathFmod(VM& vm, CallArgs args) {
  return binary<fmodOf>(vm, args, "fmod");
}
Value mathRemainder(VM& vm, CallArgs args) {
  return binary<remainderOf>(vm, args, "remainder");
}
Value mathCopysign(VM& vm, CallArgs args) {
  return binary<copysignOf>(vm, args, "copysign");
}
Value mathNextafter(VM& vm, CallArgs args) {
  return binary<nextafterOf>(vm, args, "nextafter");
}

Value mathUlp(VM&, CallArgs args) {
  expectArgs("math.ulp", args, 1, 1);
  double x = toDouble(args[0]);
  if (std::isnan(x)) return Value::real(x);
  x = std::fabs(x);
  if (std::isinf(x)) return Value::real(x);
  double next = std::nextafter(x, HUGE_VAL);
  if (std::isinf(next)) return Value::real(x - std::nextafter(x, -HUGE_VAL));
  return Value::real(next - x);
}

// floor, ceil and trunc give ints: exact for ints, __floor__/__ceil__/__trunc__ for classes.
template <double (*Round)(double)>
Value rounding(CallArgs args, const char* name, const char* dunder) {
  expectArgs(name, args, 1, 1);
  const Value& v = args[0];
  if (v.isBool()) return Value::integer(v.boolean() ? 1 : 0);
  if (isInt(v)) return v;
  if (v.isFloat()) return intFromDouble(Round(v.real()));
  if (v.isObject() && !v.object()->type()->isBuiltin()) {
    Value r = callSpecial(v, dunder, {});
    if (!r.isNull()) return r;
  }
  if (std::string_view(dunder) == "__trunc__")
    raiseTypeError("type {} doesn't define __trunc__ method", typeName(v));
  return intFromDouble(Round(toDouble(v)));
}

double floorOf(double x) {
  return std::floor(x);
}
double ceilOf(double x) {
  return std::ceil(x);
}
double truncOf(double x) {
  return std::trunc(x);
}

Value mathFloor(VM&, CallArgs args) {
  return rounding<floorOf>(args, "math.floor", "__floor__");
}
Value mathCeil(VM&, CallArgs args) {
  return rounding<ceilOf>(args, "math.ceil", "__ceil__");
}
Value mathTrunc(VM&, CallArgs args) {
  return rounding<truncOf>(args, "math.trunc", "__trunc__");
}

Value mathFrexp(VM&, CallArgs args) {
  expectArgs("math.frexp", args, 1, 1);
  double x = toDouble(args[0]);
  int exponent = 0;
  double mantissa = x;
  if (std::isfinite(x) && x != 0) mantissa = std::frexp(x, &exponent);
  return makeTuple({Value::real(mantissa), Value::integer(exponent)});
}

Value mathLdexp(VM&, CallArgs args) {
  expectArgs("ldexp", args, 2, 2);
  double x = toDouble(args[0]);
  if (!isInt(args[1])) raiseTypeError("Expected an int as second argument to ldexp.");
  if (x == 0 || !std::isfinite(x)) return Value::real(x);
  // Exponents past any double's range saturate: the result is 0 or a range error either way.
  int64_t e;
  if (!intFitsInt64(args[1], &e)) e = intSign(args[1]) < 0 ? -100000 : 100000;
  e = std::clamp<int64_t>(e, -100000, 100000);
  double r = std::ldexp(x, static_cast<int>(e));
  if (std::isinf(r)) rangeError();
  return Value::real(r);
}

Value mathModf(VM&, CallArgs args) {
  expectArgs("math.modf", args, 1, 1);
  double x = toDouble(args[0]);
  if (std::isinf(x)) return makeTuple({Value::real(std::copysign(0.0, x)), Value::real(x)});
  double integral;
  double fraction = std::modf(x, &integral);
  return makeTuple({Value::real(fraction), Value::real(integral)});
}

template <bool (*Test)(double)>
Value classify(CallArgs args, const char* name) {
  expectArgs(name, args, 1, 1);
  return Value::boolean(Test(toDouble(args[0])));
}
bool finiteOf(double x) {
  return std::isfinite(x);
}
bool infOf(double x) {
  return std::isinf(x);
}
bool nanOf(double x) {
  return std::isnan(x);
}
Value mathIsfinite(VM&, CallArgs args) {
  return classify<finiteOf>(args, "math.isfinite");
}
Value mathIsinf(VM&, CallArgs args) {
  return classify<infOf>(args, "math.isinf");
}
Value mathIsnan(VM&, CallArgs args) {
  return classify<nanOf>(args, "math.isnan");
}

Value mathIsclose(VM&, CallArgs args) {
  double relTol = 1e-09, absTol = 0.0;
  size_t positional = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "rel_tol")
      relTol = toDouble(v);
    else if (name == "abs_tol")
      absTol = toDouble(v);
    else
      raiseTypeError("isclose() got an unexpected keyword argument '{}'", name);
  });
  if (positional != 2)
    raiseTypeError("isclose() missing required argument '{}' (pos {})", positional == 0 ? "a" : "b",
                   positional + 1);
  double a = toDouble(args[0]), b = toDouble(args[1]);
  if (relTol < 0 || absTol < 0) raiseValueError("tolerances must be non-negative");
  if (a == b) return Value::boolean(true);
  if (std::isinf(a) || std::isinf(b)) return Value::boolean(false);
  double diff = std::fabs(b - a);
  return Value::boolean(diff <= std::fabs(relTol * b) || diff <= std::fabs(relTol * a) ||
                        diff <= absTol);
}

// The exact sum of a list of doubles as non-overlapping partials (Shewchuk), rounded once at
// the end the way CPython's math.fsum rounds (half-way cases looked at through the next partial).
Value mathFsum(VM&, CallArgs args) {
  expectArgs("math.fsum", args, 1, 1);
  std::vector<double> partials;
  double specialSum = 0, infSum = 0;
  Value iterator = getIter(args[0]);
  Value item;
  while (iterNextInNativeLoop(iterator, &item)) {
    double x = toDouble(item);
    chargeNativeWork(kFloatSumPerItem * static_cast<int64_t>(partials.size() + 1));
    double original = x;
    size_t kept = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0) partials[kept++] = lo;
      x = hi;
    }
    partials.resize(kept);
    if (x == 0) continue;
    if (!std::isfinite(x)) {
      // A non-finite partial comes from an infinity or NaN in the input, or from overflow.
      if (std::isfinite(original)) raiseOverflowError("intermediate overflow in fsum");
      if (std::isinf(original)) infSum += original;
      specialSum += original;
      partials.clear();
    } else {
      partials.push_back(x);
    }
  }
  if (specialSum != 0) {
    if (std::isnan(infSum)) raiseValueError("-inf + inf in fsum");
    return Value::real(specialSum);
  }
  double hi = 0;
  size_t n = partials.size();
  if (n > 0) {
    hi = partials[--n];
    double lo = 0;
    while (n > 0) {
      double x = hi, y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0) break;
    }
    // Half-way between two doubles: the next partial says which way the exact sum lies.
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      double y = lo * 2;
      double x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return Value::real(hi);
}

// The Euclidean norm of a vector, scaled by its largest component so no square overflows, the
// squares summed exactly (CPython's vector_norm is correctly rounded in nearly every case).
double vectorNorm(const std::vector<double>& v) {
  double largest = 0;
  bool sawNan = false;
  for (double x : v) {
    if (std::isinf(x)) return HUGE_VAL;
    if (std::isnan(x)) sawNan = true;
    largest = std::max(largest, std::fabs(x));
  }
  if (sawNan) return std::numeric_limits<double>::quiet_NaN();
  if (largest == 0 || v.size() == 1) return largest;
  if (v.size() == 2) return std::hypot(v[0], v[1]);
  long double sum = 0;
  for (double x : v) {
    long double scaled = static_cast<long double>(x) / largest;
    sum += scaled * scaled;
  }
  return static_cast<double>(std::sqrt(sum) * largest);
}

Value mathHypot(VM&, CallArgs args) {
  if (args.keywordCount()) raiseTypeError("hypot() takes no keyword arguments");
  std::vector<double> v;
  for (size_t i = 0; i < args.count; ++i)
    v.push_back(toDouble(args[i]));
  return Value::real(vectorNorm(v));
}

Value mathDist(VM&, CallArgs args) {
  expectArgs("dist", args, 2, 2);
  std::vector<Value> p = toVector(args[0]), q = toVector(args[1]);
  if (p.size() != q.size()) raiseValueError("both points must have the same number of dimensions");
  std::vector<double> diffs;
  for (size_t i = 0; i < p.size(); ++i)
    diffs.push_back(std::fabs(toDouble(p[i]) - toDouble(q[i])));
  return Value::real(vectorNorm(diffs));
}

Value mathProd(VM&, CallArgs args) {
  Value result = Value::integer(1);
  size_t positional = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name != "start") raiseTypeError("prod() got an unexpected keyword argument '{}'", name);
    result = v;
  });
  if (positional != 1)
    raiseTypeError("prod() takes exactly 1 positional argument ({} given)", positional);
  Value iterator = getIter(args[0]);
  Value item;
  while (iterNextInNativeLoop(iterator, &item))
    result = binaryOp(BinaryOperator::Mul, result, item);
  return result;
}

}  // namespace

void initMathModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  d->setStr("pi", Value::real(M_PI));
  d->setStr("e", Value::real(M_E));
  d->setStr("tau", Value::real(2 * M_PI));
  d->setStr("inf", Value::real(HUGE_VAL));
  d->setStr("nan", Value::real(std::numeric_limits<double>::quiet_NaN()));
  addUnaryFunctions(d, std::make_index_sequence<std::size(kUnaryFunctions)>());
  d->setStr("gamma", makeNative("gamma", mathGamma));
  d->setStr("lgamma", makeNative("lgamma", mathLgamma));
  d->setStr("log", makeNative("log", mathLog));
  d->setStr("log2", makeNative("log2", mathLog2));
  d->setStr("log10", makeNative("log10", mathLog10));
  d->setStr("pow", makeNative("pow", mathPow));
  d->setStr("atan2", makeNative("atan2", mathAtan2));
  d->setStr("fmod", makeNative("fmod", mathFmod));
  d->setStr("remainder", makeNative("remainder", mathRemainder));
  d->setStr("copysign", makeNative("copysign", mathCopysign));
  d->setStr("nextafter", makeNative("nextafter", mathNextafter));
  d->setStr("ulp", makeNative("ulp", mathUlp));
  d->setStr("floor", makeNative("floor", mathFloor));
  d->setStr("ceil", makeNative("ceil", mathCeil));
  d->setStr("trunc", makeNative("trunc", mathTrunc));
  d->setStr("frexp", makeNative("frexp", mathFrexp));
  d->setStr("ldexp", makeNative("ldexp", mathLdexp));
  d->setStr("modf", makeNative("modf", mathModf));
  d->setStr("isfinite", makeNative("isfinite", mathIsfinite));
  d->setStr("isinf", makeNative("isinf", mathIsinf));
  d->setStr("isnan", makeNative("isnan", mathIsnan));
  d->setStr("isclose", makeNative("isclose", mathIsclose));
  d->setStr("fsum", makeNative("fsum", mathFsum));
  d->setStr("hypot", makeNative("hypot", mathHypot));
  d->setStr("dist", makeNative("dist", mathDist));
  d->setStr("prod", makeNative("prod", mathProd));
  addMathIntegerFunctions(d);
}

}  // namespace gilsim
