// Python ints: a Value holds an int64 inline; anything wider lives in an IntObject holding a Boost
// cpp_int. Every operation normalises its result back to the inline form when it fits, so "is it
// inline" is the same question as "does it fit in 64 bits" for every int of type int. Instances of
// int subclasses are the exception: always IntObjects (the subclass is their type), whatever their
// size, which intFitsInt64 sees through.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <cstdint>
#include <string>

#include "interp/objects/object.h"

namespace gilsim {

using BigInt = boost::multiprecision::cpp_int;

// A heap int: 128-bit ("narrow") whenever the value fits, which keeps the arithmetic of values
// just past 64 bits (cpu_func's r*r*i ~ 10**21) free of multi-limb loops; a Boost cpp_int
// ("wide") beyond that. Objects come from a per-thread free list: the hot loops of big-int code
// allocate one per operation.
class IntObject : public Object {
 public:
  // For type int the caller guarantees that the value does not fit int64 (BigInt: int128).
  explicit IntObject(__int128 value);
  explicit IntObject(BigInt value);
  ~IntObject() override;
  bool narrow() const { return wide_ == nullptr; }
  __int128 narrowValue() const { return narrowValue_; }
  const BigInt& wideValue() const { return *wide_; }
  BigInt toBig() const;

  static void* operator new(size_t size);
  static void operator delete(void* p, size_t size);

 private:
  __int128 narrowValue_ = 0;
  BigInt* wide_ = nullptr;  // owned; a pointer keeps narrow ints free of cpp_int's ctor/dtor
};

bool isInt(const Value& v);  // int or bool (a bool is an int)
// v (an int, a bool or an int subclass's instance) as an int of type int: what int(v) returns.
Value exactInt(const Value& v);
Value makeInt(const BigInt& v);
Value makeInt(BigInt&& v);
BigInt toBigInt(const Value& v);  // v must be an int or bool
// An instance of an int subclass whose value fits in int64 (heap-held, since its type is not int).
bool smallIntSubclassValue(const Value& v, int64_t* out);
// Fits in int64? (true for bools and small ints)
inline bool intFitsInt64(const Value& v, int64_t* out) {
  if (v.isSmallInt() || v.isBool()) {
    *out = v.smallInt();
    return true;
  }
  return v.isObject() && smallIntSubclassValue(v, out);
}
// Fits in 128 bits? (small ints and narrow heap ints)
inline bool intFitsInt128(const Value& v, __int128* out) {
  if (v.isSmallInt() || v.isBool()) {
    *out = v.smallInt();
    return true;
  }
  auto* o = v.as<IntObject>();
  if (!o->narrow()) return false;
  *out = o->narrowValue();
  return true;
}
// Forced inline: it is on the path of every int operation that leaves 64 bits.
[[gnu::always_inline]] inline Value makeInt128(__int128 v) {
  if (v >= INT64_MIN && v <= INT64_MAX) return Value::integer(static_cast<int64_t>(v));
  return Value::steal(new IntObject(v));
}

Value intAdd(const Value& a, const Value& b);
Value intSub(const Value& a, const Value& b);
Value intMul(const Value& a, const Value& b);
Value intFloorDiv(const Value& a, const Value& b);  // raises ZeroDivisionError
Value intMod(const Value& a, const Value& b);
Value intPow(const Value& a, const Value& b);  // b >= 0; negative b handled by the caller (float)
Value intPowMod(const Value& a, const Value& b, const Value& m);
Value intNeg(const Value& a);
Value intInvert(const Value& a);
Value intAnd(const Value& a, const Value& b);
Value intOr(const Value& a, const Value& b);
Value intXor(const Value& a, const Value& b);
Value intLShift(const Value& a, const Value& b);
Value intRShift(const Value& a, const Value& b);
int intCompare(const Value& a, const Value& b);  // -1, 0, 1
int intSign(const Value& a);
double intToDouble(const Value& a);  // raises OverflowError when too large
double intTrueDiv(const Value& a, const Value& b);
std::string intToDecimal(const Value& a);  // raises ValueError past the limit (int_str_limit.h)
std::string intToBase(const Value& a, int base, bool prefix);  // bin/oct/hex
// Parses Python int syntax (underscores, sign, optional prefix when base is 0 or matches).
// Returns false if the text is not a valid int in that base.
bool parseInt(std::string_view text, int base, Value* out);
uint64_t intHash(const Value& a);  // CPython's numeric hash
Value intFromDouble(double d);     // truncates; raises on inf/nan

}  // namespace gilsim
