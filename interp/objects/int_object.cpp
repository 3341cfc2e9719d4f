#include "interp/objects/int_object.h"

#include <bit>
#include <cmath>
#include <limits>
#include <vector>

#include "interp/objects/errors.h"
#include "interp/objects/format_spec.h"
#include "interp/objects/int_str_limit.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/type_object.h"

namespace gilsim {

namespace {
using Int128 = __int128;
constexpr Int128 kInt128Max = static_cast<Int128>(~static_cast<unsigned __int128>(0) >> 1);
constexpr Int128 kInt128Min = -kInt128Max - 1;

const BigInt& bigInt64Min() {
  static const BigInt v(std::numeric_limits<int64_t>::min());
  return v;
}
const BigInt& bigInt64Max() {
  static const BigInt v(std::numeric_limits<int64_t>::max());
  return v;
}
const BigInt& bigInt128Min() {
  static const BigInt v = -(BigInt(1) << 127);
  return v;
}
const BigInt& bigInt128Max() {
  static const BigInt v = (BigInt(1) << 127) - 1;
  return v;
}

BigInt fromInt128(Int128 v) {
  bool negative = v < 0;
  unsigned __int128 magnitude =
      negative ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  BigInt big = BigInt(static_cast<uint64_t>(magnitude >> 64));
  big <<= 64;
  big |= static_cast<uint64_t>(magnitude);
  return negative ? BigInt(-big) : big;
}

Int128 toInt128Unchecked(const BigInt& v) {
  BigInt magnitude = abs(v);
  uint64_t lo = static_cast<uint64_t>(magnitude & BigInt(std::numeric_limits<uint64_t>::max()));
  uint64_t hi = static_cast<uint64_t>(magnitude >> 64);
  unsigned __int128 m = (static_cast<unsigned __int128>(hi) << 64) | lo;
  return v < 0 ? static_cast<Int128>(-m) : static_cast<Int128>(m);
}

// A small per-thread cache of freed IntObjects: big-int loops free one and allocate one per op.
struct FreeList {
  std::vector<void*> blocks;
  ~FreeList() {
    for (void* p : blocks)
      ::operator delete(p);
  }
};
thread_local FreeList tlsIntFreeList;
constexpr size_t kMaxCachedInts = 256;
}  // namespace

IntObject::IntObject(__int128 value) : Object(builtinTypes().int_), narrowValue_(value) {
  chargeNativeWork(NativeCosts::kNarrowIntCreate);
}

IntObject::IntObject(BigInt value)
    : Object(builtinTypes().int_), wide_(new BigInt(std::move(value))) {
  // The operation that made it cost about as much as schoolbook arithmetic on its limbs.
  int64_t limbs = static_cast<int64_t>(wide_->backend().size());
  chargeNativeWork(NativeCosts::kWideIntCreate +
                   NativeCosts::kWideIntPerLimbSquared * limbs * limbs);
}

IntObject::~IntObject() {
  delete wide_;
}

BigInt IntObject::toBig() const {
  return wide_ ? *wide_ : fromInt128(narrowValue_);
}

void* IntObject::operator new(size_t size) {
  FreeList& list = tlsIntFreeList;
  if (size == sizeof(IntObject) && !list.blocks.empty()) {
    void* p = list.blocks.back();
    list.blocks.pop_back();
    return p;
  }
  return ::operator new(size);
}

void IntObject::operator delete(void* p, size_t size) {
  FreeList& list = tlsIntFreeList;
  if (size == sizeof(IntObject) && list.blocks.size() < kMaxCachedInts) {
    list.blocks.push_back(p);
    return;
  }
  ::operator delete(p);
}

bool smallIntSubclassValue(const Value& v, int64_t* out) {
  if (v.object()->type()->layout() != Layout::Int) return false;
  auto* o = v.as<IntObject>();
  if (!o->narrow() || o->narrowValue() < INT64_MIN || o->narrowValue() > INT64_MAX) return false;
  *out = static_cast<int64_t>(o->narrowValue());
  return true;
}

bool isInt(const Value& v) {
  if (v.isSmallInt() || v.isBool()) return true;
  return v.isObject() && v.object()->type()->layout() == Layout::Int;
}

Value exactInt(const Value& v) {
  if (v.isBool()) return Value::integer(v.smallInt());
  if (!v.isObject() || v.object()->type() == builtinTypes().int_) return v;
  __int128 narrow;
  if (intFitsInt128(v, &narrow)) return makeInt128(narrow);
  return makeInt(toBigInt(v));
}

Value makeInt(const BigInt& v) {
  if (v >= bigInt64Min() && v <= bigInt64Max()) return Value::integer(static_cast<int64_t>(v));
  if (v >= bigInt128Min() && v <= bigInt128Max())
    return Value::steal(new IntObject(toInt128Unchecked(v)));
  return Value::steal(new IntObject(v));
}

Value makeInt(BigInt&& v) {
  if (v >= bigInt64Min() && v <= bigInt64Max()) return Value::integer(static_cast<int64_t>(v));
  if (v >= bigInt128Min() && v <= bigInt128Max())
    return Value::steal(new IntObject(toInt128Unchecked(v)));
  return Value::steal(new IntObject(std::move(v)));
}

BigInt toBigInt(const Value& v) {
  if (v.isSmallInt() || v.isBool()) return BigInt(v.smallInt());
  return v.as<IntObject>()->toBig();
}

Value intAdd(const Value& a, const Value& b) {
  int64_t x, y, r;
  if (intFitsInt64(a, &x) && intFitsInt64(b, &y) && !__builtin_add_overflow(x, y, &r))
    return Value::integer(r);
  Int128 p, q, s;
  if (intFitsInt128(a, &p) && intFitsInt128(b, &q) && !__builtin_add_overflow(p, q, &s))
    return makeInt128(s);
  return makeInt(toBigInt(a) + toBigInt(b));
}

Value intSub(const Value& a, const Value& b) {
  int64_t x, y, r;
  if (intFitsInt64(a, &x) && intFitsInt64(b, &y) && !__builtin_sub_overflow(x, y, &r))
    return Value::integer(r);
  Int128 p, q, s;
  if (intFitsInt128(a, &p) && intFitsInt128(b, &q) && !__builtin_sub_overflow(p, q, &s))
    return makeInt128(s);
  return makeInt(toBigInt(a) - toBigInt(b));
}

Value intMul(const Value& a, const Value& b) {
  int64_t x, y, r;
  if (intFitsInt64(a, &x) && intFitsInt64(b, &y)) {
    if (!__builtin_mul_overflow(x, y, &r)) return Value::integer(r);
    return makeInt128(static_cast<Int128>(x) * y);  // a 64x64 product always fits 128 bits
  }
  Int128 p, q, s;
  if (intFitsInt128(a, &p) && intFitsInt128(b, &q) && !__builtin_mul_overflow(p, q, &s))
    return makeInt128(s);
  return makeInt(toBigInt(a) * toBigInt(b));
}

namespace {
// Python floors: the remainder takes the divisor's sign.
void floorDivMod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) {
  BigInt quotient, remainder;
  boost::multiprecision::divide_qr(a, b, quotient, remainder);
  if (remainder != 0 && ((remainder < 0) != (b < 0))) {
    quotient -= 1;
    remainder += b;
  }
  if (q) *q = std::move(quotient);
  if (r) *r = std::move(remainder);
}
}  // namespace

Value intFloorDiv(const Value& a, const Value& b) {
  int64_t x, y;
  if (intFitsInt64(a, &x) && intFitsInt64(b, &y)) {
    if (y == 0) raiseZeroDivisionError("integer division or modulo by zero");
    if (!(x == std::numeric_limits<int64_t>::min() && y == -1)) {
      int64_t q = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
      return Value::integer(q);
    }
  }
  Int128 p, d;
  if (intFitsInt128(a, &p) && intFitsInt128(b, &d)) {
    if (d == 0) raiseZeroDivisionError("integer division or modulo by zero");
    if (!(p == kInt128Min && d == -1)) {
      Int128 q = p / d;
      if ((p % d != 0) && ((p < 0) != (d < 0))) --q;
      return makeInt128(q);
    }
  }
  BigInt bb = toBigInt(b);
  if (bb == 0) raiseZeroDivisionError("integer division or modulo by zero");
  BigInt q;
  floorDivMod(toBigInt(a), bb, &q, nullptr);
  return makeInt(std::move(q));
}

Value intMod(const Value& a, const Value& b) {
  int64_t x, y;
  if (intFitsInt64(a, &x) && intFitsInt64(b, &y)) {
    if (y == 0) raiseZeroDivisionError("integer modulo by zero");
    if (y == -1) return Value::integer(0);
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return Value::integer(r);
  }
  Int128 p, d;
  if (intFitsInt128(a, &p) && intFitsInt128(b, &d)) {
    if (d == 0) raiseZeroDivisionError("integer modulo by zero");
    if (d == -1) return Value::integer(0);
    Int128 r;
    if (d > 0 && d <= std::numeric_limits<int64_t>::max() && p >= 0) {
      // cpu_func's `% 10000000`: a 128-by-64 remainder in two 64-bit steps avoids __modti3.
      uint64_t divisor = static_cast<uint64_t>(d);
      unsigned __int128 u = static_cast<unsigned __int128>(p);
      uint64_t high = static_cast<uint64_t>(u >> 64) % divisor;
      unsigned __int128 rest =
          (static_cast<unsigned __int128>(high) << 64) | static_cast<uint64_t>(u);
      r = static_cast<Int128>(rest % divisor);
    } else {
      r = p % d;
      if (r != 0 && ((r < 0) != (d < 0))) r += d;
    }
    return makeInt128(r);
  }
  BigInt bb = toBigInt(b);
  if (bb == 0) raiseZeroDivisionError("integer modulo by zero");
  BigInt r;
  floorDivMod(toBigInt(a), bb, nullptr, &r);
  return makeInt(std::move(r));
}

Value intPow(const Value& a, const Value& b) {
  BigInt base = toBigInt(a);
  BigInt exponent = toBigInt(b);
  if (exponent == 0) return Value::integer(1);
  if (base == 0 || base == 1) return makeInt(base);
  if (base == -1) return Value::integer((exponent % 2 == 0) ? 1 : -1);
  // Refuse results that could not be held in memory (a fuzzer favourite: 2**10**10).
  double bits = static_cast<double>(msb(abs(base)) + 1) * static_cast<double>(exponent);
  if (bits > 64.0 * 1024 * 1024 * 8) raiseMemoryError("integer result too large");
  uint64_t e = static_cast<uint64_t>(exponent);
  BigInt result = boost::multiprecision::pow(base, static_cast<unsigned>(e));
  return makeInt(std::move(result));
}

Value intPowMod(const Value& a, const Value& b, const Value& m) {
  BigInt mod = toBigInt(m);
  if (mod == 0) raiseValueError("pow() 3rd argument cannot be 0");
  BigInt exponent = toBigInt(b);
  BigInt base = toBigInt(a);
  bool negMod = mod < 0;
  BigInt absMod = negMod ? BigInt(-mod) : mod;
  if (exponent < 0) {
    // Modular inverse via the extended Euclidean algorithm.
    BigInt t = 0, newT = 1, r = absMod, newR = base % absMod;
    if (newR < 0) newR += absMod;
    while (newR != 0) {
      BigInt q = r / newR;
      BigInt tmp = t - q * newT;
      t = newT;
      newT = tmp;
      tmp = r - q * newR;
      r = newR;
      newR = tmp;
    }
    if (r != 1) raiseValueError("base is not invertible for the given modulus");
    if (t < 0) t += absMod;
    base = t;
    exponent = -exponent;
  }
  BigInt result = 1 % absMod;
  base %= absMod;
  if (base < 0) base += absMod;
  while (exponent > 0) {
    if ((exponent & 1) != 0) result = (result * base) % absMod;
    base = (base * base) % absMod;
    exponent >>= 1;
  }
  if (negMod && result != 0) result += mod;
  return makeInt(std::move(result));
}

Value intNeg(const Value& a) {
  int64_t x;
  if (intFitsInt64(a, &x) && x != std::numeric_limits<int64_t>::min()) return Value::integer(-x);
  return makeInt(-toBigInt(a));
}

Value intInvert(const Value& a) {
  int64_t x;
  if (intFitsInt64(a, &x)) return Value::integer(~x);
  return makeInt(-toBigInt(a) - 1);
}

namespace {
// Boost's bitwise operators on negative cpp_ints follow two's complement semantics, like Python.
template <class Op>
Value bitwise(const Value& a, const Value& b, Op op) {
  int64_t x, y;
  if (intFitsInt64(a, &x) && intFitsInt64(b, &y)) return Value::integer(op(x, y));
  return makeInt(op(toBigInt(a), toBigInt(b)));
}
}  // namespace

struct AndOp {
  int64_t operator()(int64_t x, int64_t y) const { return x & y; }
  BigInt operator()(const BigInt& x, const BigInt& y) const { return x & y; }
};
struct OrOp {
  int64_t operator()(int64_t x, int64_t y) const { return x | y; }
  BigInt operator()(const BigInt& x, const BigInt& y) const { return x | y; }
};
struct XorOp {
  int64_t operator()(int64_t x, int64_t y) const { return x ^ y; }
  BigInt operator()(const BigInt& x, const BigInt& y) const { return x ^ y; }
};

Value intAnd(const Value& a, const Value& b) {
  return bitwise(a, b, AndOp{});
}
Value intOr(const Value& a, const Value& b) {
  return bitwise(a, b, OrOp{});
}
Value intXor(const Value& a, const Value& b) {
  return bitwise(a, b, XorOp{});
}

Value intLShift(const Value& a, const Value& b) {
  if (intSign(b) < 0) raiseValueError("negative shift count");
  int64_t shift;
  if (!intFitsInt64(b, &shift) || shift > 64 * 1024 * 1024 * 8) {
    if (intSign(a) == 0) return Value::integer(0);
    raiseOverflowError("too many digits in integer");
  }
  int64_t x;
  if (intFitsInt64(a, &x) && shift < 63) {
    int64_t r = static_cast<int64_t>(static_cast<uint64_t>(x) << shift);
    if ((r >> shift) == x) return Value::integer(r);
  }
  return makeInt(toBigInt(a) << static_cast<unsigned>(shift));
}

Value intRShift(const Value& a, const Value& b) {
  if (intSign(b) < 0) raiseValueError("negative shift count");
  int64_t shift;
  if (!intFitsInt64(b, &shift)) return Value::integer(intSign(a) < 0 ? -1 : 0);
  int64_t x;
  if (intFitsInt64(a, &x)) return Value::integer(shift >= 64 ? (x < 0 ? -1 : 0) : x >> shift);
  BigInt v = toBigInt(a);
  if (v < 0) {
    // Python shifts floor toward negative infinity.
    BigInt q;
    floorDivMod(v, BigInt(1) << static_cast<unsigned>(shift), &q, nullptr);
    return makeInt(std::move(q));
  }
  return makeInt(v >> static_cast<unsigned>(shift));
}

int intCompare(const Value& a, const Value& b) {
  int64_t x, y;
  if (intFitsInt64(a, &x) && intFitsInt64(b, &y)) return x < y ? -1 : (x > y ? 1 : 0);
  Int128 p, q;
  if (intFitsInt128(a, &p) && intFitsInt128(b, &q)) return p < q ? -1 : (p > q ? 1 : 0);
  return toBigInt(a).compare(toBigInt(b)) < 0 ? -1 : (toBigInt(a) == toBigInt(b) ? 0 : 1);
}

int intSign(const Value& a) {
  Int128 x;
  if (intFitsInt128(a, &x)) return x < 0 ? -1 : (x > 0 ? 1 : 0);
  return a.as<IntObject>()->wideValue().sign();
}

namespace {
// magnitude * 2**exponent as a correctly rounded double. Boost 1.74's convert_to<double> can be
// an ulp off, so round by hand: keep the top 64 bits, fold every lower bit (and `sticky`, bits
// already dropped by the caller) into bit 0, and let the exact uint64 -> double conversion round.
double scaledToDouble(const BigInt& magnitude, int64_t exponent, bool sticky) {
  if (magnitude == 0) return 0.0;
  int64_t bits = static_cast<int64_t>(msb(magnitude)) + 1;
  uint64_t top;
  if (bits > 64) {
    unsigned shift = static_cast<unsigned>(bits - 64);
    BigInt high = magnitude >> shift;
    sticky = sticky || (high << shift) != magnitude;
    top = static_cast<uint64_t>(high);
    exponent += shift;
  } else {
    top = static_cast<uint64_t>(magnitude);
  }
  if (sticky) top |= 1;  // top has 64 bits here, so bit 0 lies below the rounding position
  if (exponent > 2000) return HUGE_VAL;
  return std::ldexp(static_cast<double>(top), static_cast<int>(std::max<int64_t>(exponent, -2000)));
}
}  // namespace

double intToDouble(const Value& a) {
  int64_t x;
  if (intFitsInt64(a, &x)) return static_cast<double>(x);
  Int128 p;
  if (intFitsInt128(a, &p)) return static_cast<double>(p);
  const BigInt& v = a.as<IntObject>()->wideValue();
  if (msb(abs(v)) >= 1024) raiseOverflowError("int too large to convert to float");
  double d = scaledToDouble(abs(v), 0, false);
  if (std::isinf(d)) raiseOverflowError("int too large to convert to float");
  return v < 0 ? -d : d;
}

double intTrueDiv(const Value& a, const Value& b) {
  if (intSign(b) == 0) raiseZeroDivisionError("division by zero");
  int64_t x, y;
  if (intFitsInt64(a, &x) && intFitsInt64(b, &y) && std::llabs(x) < (1LL << 53) &&
      std::llabs(y) < (1LL << 53))
    return static_cast<double>(x) / static_cast<double>(y);
  // Exactly rounded for any operands: scale so the quotient has at least 65 significant bits,
  // and remember whether the division left a remainder (the sticky bit).
  BigInt n = toBigInt(a), d = toBigInt(b);
  bool negative = (n < 0) != (d < 0);
  n = abs(n);
  d = abs(d);
  if (n == 0) return negative ? -0.0 : 0.0;
  int64_t shift = static_cast<int64_t>(msb(n)) - static_cast<int64_t>(msb(d)) - 66;
  BigInt q, r;
  if (shift > 0)
    boost::multiprecision::divide_qr(n, BigInt(d << static_cast<unsigned>(shift)), q, r);
  else
    boost::multiprecision::divide_qr(BigInt(n << static_cast<unsigned>(-shift)), d, q, r);
  double result = scaledToDouble(q, shift, r != 0);
  if (std::isinf(result)) raiseOverflowError("integer division result too large for a float");
  return negative ? -result : result;
}

std::string intToDecimal(const Value& a) {
  int64_t x;
  if (intFitsInt64(a, &x)) return std::to_string(x);
  Int128 p;
  if (intFitsInt128(a, &p)) {
    unsigned __int128 m =
        p < 0 ? -static_cast<unsigned __int128>(p) : static_cast<unsigned __int128>(p);
    std::string digits;
    while (m > 0) {
      digits.push_back(static_cast<char>('0' + static_cast<int>(m % 10)));
      m /= 10;
    }
    if (p < 0) digits.push_back('-');
    return std::string(digits.rbegin(), digits.rend());
  }
  const BigInt& v = a.as<IntObject>()->wideValue();
  checkIntToStrDigits(v);
  return v.str();
}

std::string intToBase(const Value& a, int base, bool prefix) {
  BigInt v = toBigInt(a);
  bool negative = v < 0;
  std::string out = negative ? "-" : "";
  if (prefix) out += base == 2 ? "0b" : (base == 8 ? "0o" : "0x");
  out += integerDigits(negative ? BigInt(-v) : v, base);  // linear: straight off the limbs
  return out;
}

bool parseInt(std::string_view text, int base, Value* out) {
  auto isSpace = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  size_t i = 0, n = text.size();
  while (i < n && isSpace(text[i]))
    ++i;
  while (n > i && isSpace(text[n - 1]))
    --n;
  bool negative = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  bool prefixed = false;
  if (i + 1 < n && text[i] == '0') {
    char p = static_cast<char>(text[i + 1] | 0x20);
    int prefixBase = p == 'x' ? 16 : (p == 'o' ? 8 : (p == 'b' ? 2 : 0));
    if (prefixBase && (base == 0 || base == prefixBase)) {
      base = prefixBase;
      i += 2;
      prefixed = true;
    }
  }
  bool autoDecimal = base == 0;
  if (base == 0) base = 10;
  // Collect digit values, checking underscores sit only between digits (one after a prefix).
  std::vector<uint8_t> digits;
  bool lastUnderscore = !prefixed;
  for (; i < n; ++i) {
    char c = text[i];
    if (c == '_') {
      if (lastUnderscore) return false;
      lastUnderscore = true;
      continue;
    }
    int d;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (c >= 'a' && c <= 'z')
      d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z')
      d = c - 'A' + 10;
    else
      return false;
    if (d >= base) return false;
    lastUnderscore = false;
    digits.push_back(static_cast<uint8_t>(d));
  }
  if (digits.empty() || lastUnderscore) return false;
  if (autoDecimal && digits.size() > 1 && digits[0] == 0) {
    for (uint8_t d : digits)
      if (d) return false;  // "010" is invalid with base 0; "000" is fine
  }
  // CPython limits every base that is not a power of two (those convert in linear time).
  if ((base & (base - 1)) != 0) checkStrToIntDigits(digits.size());
  int64_t small = 0;
  size_t k = 0;
  for (; k < digits.size(); ++k) {
    int64_t next;
    if (__builtin_mul_overflow(small, base, &next) ||
        __builtin_add_overflow(next, digits[k], &next))
      break;
    small = next;
  }
  if (k == digits.size()) {
    *out = Value::integer(negative ? -small : small);
    return true;
  }
  BigInt value;
  if ((base & (base - 1)) == 0) {
    // Power-of-two bases straight into limbs, least significant first: linear, so
    // int(hex(10**(10**6)), 16) is as quick as hex() (multiply-and-add per digit was quadratic).
    const unsigned bitsPerDigit =
        static_cast<unsigned>(std::countr_zero(static_cast<unsigned>(base)));
    std::vector<uint64_t> limbs((digits.size() * bitsPerDigit + 63) / 64, 0);
    size_t bit = 0;
    for (size_t d = digits.size(); d-- > 0; bit += bitsPerDigit) {
      uint64_t digit = digits[d];
      limbs[bit / 64] |= digit << (bit % 64);
      if (bit % 64 + bitsPerDigit > 64) limbs[bit / 64 + 1] |= digit >> (64 - bit % 64);
    }
    boost::multiprecision::import_bits(value, limbs.begin(), limbs.end(), 64, false);
  } else {
    value = small;
    for (; k < digits.size(); ++k)
      value = value * base + digits[k];
  }
  if (negative) value = -value;
  *out = makeInt(std::move(value));
  return true;
}

uint64_t intHash(const Value& a) {
  // CPython: hash(n) = sign(n) * (|n| mod (2**61 - 1)), and -1 becomes -2.
  constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
  int64_t x;
  int64_t h;
  if (intFitsInt64(a, &x)) {
    uint64_t magnitude = x < 0 ? -static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
    h = static_cast<int64_t>(magnitude % kModulus);
    if (x < 0) h = -h;
  } else if (Int128 p; intFitsInt128(a, &p)) {
    unsigned __int128 magnitude =
        p < 0 ? -static_cast<unsigned __int128>(p) : static_cast<unsigned __int128>(p);
    h = static_cast<int64_t>(magnitude % kModulus);
    if (p < 0) h = -h;
  } else {
    const BigInt& v = a.as<IntObject>()->wideValue();
    BigInt m = abs(v) % BigInt(kModulus);
    h = static_cast<int64_t>(m);
    if (v < 0) h = -h;
  }
  if (h == -1) h = -2;
  return static_cast<uint64_t>(h);
}

Value intFromDouble(double d) {
  if (std::isinf(d)) raiseOverflowError("cannot convert float infinity to integer");
  if (std::isnan(d)) raiseValueError("cannot convert float NaN to integer");
  double t = std::trunc(d);
  if (t >= -9.2e18 && t <= 9.2e18) return Value::integer(static_cast<int64_t>(t));
  int exponent;
  double mantissa = std::frexp(t, &exponent);
  BigInt m = BigInt(static_cast<int64_t>(std::ldexp(mantissa, 53)));
  if (exponent > 53)
    m <<= static_cast<unsigned>(exponent - 53);
  else
    m >>= static_cast<unsigned>(53 - exponent);
  return makeInt(std::move(m));
}

}  // namespace gilsim
