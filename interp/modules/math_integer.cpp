#include "interp/modules/math_integer.h"

#include <boost/multiprecision/integer.hpp>
#include <numeric>

#include "interp/objects/dict_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"
#include "interp/objects/type_object.h"

namespace gilsim {

namespace {

// Each multiplication of the products below charges a big int's cost by the result's limbs:
// factorial(10**5) is seconds of work in CPython too, and a simulated run should show it.
void chargeProduct(const BigInt& result) {
  if (!nativeWorkIsCharged()) return;
  int64_t limbs = static_cast<int64_t>(result.backend().size());
  chargeNativeWork(NativeCosts::kWideIntCreate + NativeCosts::kWideIntPerLimbSquared * limbs);
}

// The product of the ints in [low, high), split in halves so the operands stay balanced (the
// naive left-to-right product is quadratic in the result's size).
BigInt rangeProduct(const BigInt& low, const BigInt& high) {
  BigInt count = high - low;
  if (count <= 0) return 1;
  if (count <= 16) {
    BigInt result = 1;
    for (BigInt i = low; i < high; ++i)
      result *= i;
    chargeProduct(result);
    return result;
  }
  BigInt middle = low + count / 2;
  BigInt result = rangeProduct(low, middle) * rangeProduct(middle, high);
  chargeProduct(result);
  return result;
}

// A non-negative argument that must fit an int64 (CPython's limit on factorial, comb and perm).
int64_t nonNegativeCount(const Value& v, const char* negativeMessage, const char* name) {
  if (intSign(v) < 0) raiseValueError("{}", negativeMessage);
  int64_t n;
  if (!intFitsInt64(v, &n))
    raiseOverflowError("{} must not exceed {}", name, std::numeric_limits<int64_t>::max());
  return n;
}

Value mathIsqrt(VM&, CallArgs args) {
  expectArgs("math.isqrt", args, 1, 1);
  Value n = mathIndex(args[0]);
  if (intSign(n) < 0) raiseValueError("isqrt() argument must be nonnegative");
  return makeInt(BigInt(boost::multiprecision::sqrt(toBigInt(n))));
}

Value mathFactorial(VM&, CallArgs args) {
  expectArgs("math.factorial", args, 1, 1);
  Value n = mathIndex(args[0]);
  if (intSign(n) < 0) raiseValueError("factorial() not defined for negative values");
  int64_t count;
  if (!intFitsInt64(n, &count))
    raiseOverflowError("factorial() argument should not exceed {}",
                       std::numeric_limits<int64_t>::max());
  return makeInt(rangeProduct(2, BigInt(count) + 1));
}

Value mathPerm(VM&, CallArgs args) {
  expectArgs("perm", args, 1, 2);
  Value nv = mathIndex(args[0]);
  if (args.count == 1 || args[1].isNone()) {
    if (intSign(nv) < 0) raiseValueError("factorial() not defined for negative values");
    return makeInt(rangeProduct(2, toBigInt(nv) + 1));
  }
  Value kv = mathIndex(args[1]);
  if (intSign(nv) < 0) raiseValueError("n must be a non-negative integer");
  int64_t k = nonNegativeCount(kv, "k must be a non-negative integer", "k");
  BigInt n = toBigInt(nv);
  if (k > n) return Value::integer(0);
  return makeInt(rangeProduct(n - k + 1, n + 1));
}

Value mathComb(VM&, CallArgs args) {
  expectArgs("comb", args, 2, 2);
  Value nv = mathIndex(args[0]);
  Value kv = mathIndex(args[1]);
  if (intSign(nv) < 0) raiseValueError("n must be a non-negative integer");
  if (intSign(kv) < 0) raiseValueError("k must be a non-negative integer");
  BigInt n = toBigInt(nv), k = toBigInt(kv);
  if (k > n) return Value::integer(0);
  if (n - k < k) k = n - k;
  int64_t steps = nonNegativeCount(makeInt(k), "k must be a non-negative integer", "k");
  // C(n, i+1) = C(n, i) * (n - i) / (i + 1): each step's division is exact.
  BigInt result = 1;
  for (int64_t i = 0; i < steps; ++i) {
    result *= n - i;
    result /= i + 1;
    chargeProduct(result);
  }
  return makeInt(std::move(result));
}

Value gcdOf(const Value& a, const Value& b) {
  int64_t x, y;
  if (intFitsInt64(a, &x) && intFitsInt64(b, &y) && x != INT64_MIN && y != INT64_MIN)
    return Value::integer(std::gcd(x < 0 ? -x : x, y < 0 ? -y : y));
  return makeInt(BigInt(boost::multiprecision::gcd(toBigInt(a), toBigInt(b))));
}

Value mathGcd(VM&, CallArgs args) {
  if (args.keywordCount()) raiseTypeError("gcd() takes no keyword arguments");
  Value result = Value::integer(0);
  for (size_t i = 0; i < args.count; ++i)
    result = gcdOf(result, mathIndex(args[i]));
  return result;
}

Value mathLcm(VM&, CallArgs args) {
  if (args.keywordCount()) raiseTypeError("lcm() takes no keyword arguments");
  Value result = Value::integer(1);
  for (size_t i = 0; i < args.count; ++i) {
    Value x = mathIndex(args[i]);
    if (intSign(result) == 0 || intSign(x) == 0) {
      result = Value::integer(0);
      continue;
    }
    BigInt a = toBigInt(result), b = toBigInt(x);
    BigInt product = abs(a * b);
    result = makeInt(BigInt(product / boost::multiprecision::gcd(a, b)));
  }
  return result;
}

}  // namespace

Value mathIndex(const Value& v) {
  if (v.isBool()) return Value::integer(v.boolean() ? 1 : 0);
  if (isInt(v)) return v;
  Value r =
      v.isObject() && !v.object()->type()->isBuiltin() ? callSpecial(v, "__index__", {}) : Value();
  if (!r.isNull()) {
    if (!isInt(r)) raiseTypeError("__index__ returned non-int (type {})", typeName(r));
    return r;
  }
  raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(v));
}

void addMathIntegerFunctions(DictObject* d) {
  d->setStr("isqrt", makeNative("isqrt", mathIsqrt));
  d->setStr("factorial", makeNative("factorial", mathFactorial));
  d->setStr("perm", makeNative("perm", mathPerm));
  d->setStr("comb", makeNative("comb", mathComb));
  d->setStr("gcd", makeNative("gcd", mathGcd));
  d->setStr("lcm", makeNative("lcm", mathLcm));
}

}  // namespace gilsim
