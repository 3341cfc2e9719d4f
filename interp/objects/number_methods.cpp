// Methods of int and float: bit_length, bit_count, to_bytes, from_bytes, as_integer_ratio,
// conjugate; is_integer, hex, fromhex. CPython 3.11's defaults and error messages. And int's
// operator dunders (int.__add__, ...), which an int subclass's override reaches through super().
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdlib>

#include "interp/objects/builtin_methods.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"

namespace gilsim {

namespace {

Value selfInt(const CallArgs& args, const char* method) {
  if (args.count == 0 || !isInt(args[0]))
    raiseTypeError("descriptor '{}' for 'int' objects doesn't apply to a '{}' object", method,
                   args.count ? typeName(args[0]) : "NoneType");
  return args[0].isBool() ? Value::integer(args[0].boolean() ? 1 : 0) : args[0];
}

double selfFloat(const CallArgs& args, const char* method) {
  if (args.count == 0 || !args[0].isFloat())
    raiseTypeError("descriptor '{}' for 'float' objects doesn't apply to a '{}' object", method,
                   args.count ? typeName(args[0]) : "NoneType");
  return args[0].real();
}

BigInt magnitude(const Value& v) {
  return abs(toBigInt(v));
}

Value intBitLength(VM&, CallArgs args) {
  Value self = selfInt(args, "bit_length");
  expectMethodArgs("bit_length", args, 0, 0);
  if (intSign(self) == 0) return Value::integer(0);
  return Value::integer(static_cast<int64_t>(msb(magnitude(self))) + 1);
}

Value intBitCount(VM&, CallArgs args) {
  Value self = selfInt(args, "bit_count");
  expectMethodArgs("bit_count", args, 0, 0);
  int64_t small;
  if (intFitsInt64(self, &small) && small != INT64_MIN)
    return Value::integer(__builtin_popcountll(static_cast<uint64_t>(small < 0 ? -small : small)));
  BigInt m = magnitude(self);
  int64_t count = 0;
  for (auto limb = m.backend().limbs(), end = limb + m.backend().size(); limb != end; ++limb)
    count += __builtin_popcountll(static_cast<unsigned long long>(*limb));
  return Value::integer(count);
}

Value intAsIntegerRatio(VM&, CallArgs args) {
  Value self = selfInt(args, "as_integer_ratio");
  expectMethodArgs("as_integer_ratio", args, 0, 0);
  return makeTuple({self, Value::integer(1)});
}

Value intConjugate(VM&, CallArgs args) {
  Value self = selfInt(args, "conjugate");
  expectMethodArgs("conjugate", args, 0, 0);
  return self;
}

bool littleEndian(const Value& byteorder) {
  if (!isStr(byteorder))
    raiseTypeError("to_bytes() argument 'byteorder' must be str, not {}", typeName(byteorder));
  std::string_view order = asStr(byteorder)->view();
  if (order == "little") return true;
  if (order == "big") return false;
  raiseValueError("byteorder must be either 'little' or 'big'");
}

// int.to_bytes(length=1, byteorder='big', *, signed=False)
Value intToBytes(VM&, CallArgs args) {
  Value self = selfInt(args, "to_bytes");
  Value length = Value::integer(1), byteorder = makeStr("big"), isSigned = Value::boolean(false);
  size_t positional = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "length")
      length = v;
    else if (name == "byteorder")
      byteorder = v;
    else if (name == "signed")
      isSigned = v;
    else
      raiseTypeError("to_bytes() got an unexpected keyword argument '{}'", name);
  });
  if (positional > 3)
    raiseTypeError("to_bytes() takes at most 2 positional arguments ({} given)", positional - 1);
  if (positional > 1) length = args[1];
  if (positional > 2) byteorder = args[2];
  int64_t count = toIndex(length, "length");
  if (count < 0) raiseValueError("length argument must be non-negative");
  bool little = littleEndian(byteorder);
  bool signedResult = truthy(isSigned);
  BigInt value = toBigInt(self);
  if (value < 0 && !signedResult) raiseOverflowError("can't convert negative int to unsigned");
  // Two's complement in `count` bytes: the value must fit [-2**(8n-1), 2**(8n-1)) when signed.
  BigInt modulus = BigInt(1) << static_cast<unsigned>(8 * std::min<int64_t>(count, 1 << 26));
  bool fits = signedResult ? (value >= -(modulus >> 1) && value < (modulus >> 1)) : value < modulus;
  if (!fits || count > (1 << 26)) raiseOverflowError("int too big to convert");
  if (value < 0) value += modulus;
  std::string bytes(static_cast<size_t>(count), '\0');
  for (int64_t i = 0; i < count && value != 0; ++i) {
    bytes[static_cast<size_t>(little ? i : count - 1 - i)] =
        static_cast<char>(static_cast<unsigned>(value & 0xff));
    value >>= 8;
  }
  return makeBytes(std::move(bytes));
}

// int.from_bytes(bytes, byteorder='big', *, signed=False): a static method on int (gilsim's
// int is not subclassable, so CPython's class method has only int to build).
Value intFromBytes(VM&, CallArgs args) {
  Value source, byteorder = makeStr("big"), isSigned = Value::boolean(false);
  size_t positional = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "bytes")
      source = v;
    else if (name == "byteorder")
      byteorder = v;
    else if (name == "signed")
      isSigned = v;
    else
      raiseTypeError("from_bytes() got an unexpected keyword argument '{}'", name);
  });
  if (positional > 2)
    raiseTypeError("from_bytes() takes at most 2 positional arguments ({} given)", positional);
  if (positional > 0) source = args[0];
  if (positional > 1) byteorder = args[1];
  if (source.isNull()) raiseTypeError("from_bytes() missing required argument 'bytes' (pos 1)");
  std::string data;
  if (isBytes(source)) {
    data = source.as<BytesObject>()->data();
  } else if (isStr(source)) {
    raiseTypeError("cannot convert 'str' object to bytes");
  } else {
    for (const Value& item : toVector(source)) {
      int64_t b = toIndex(item, "bytes");
      if (b < 0 || b > 255) raiseValueError("bytes must be in range(0, 256)");
      data.push_back(static_cast<char>(b));
    }
  }
  bool little = littleEndian(byteorder);
  if (little) std::reverse(data.begin(), data.end());
  BigInt value;
  if (!data.empty()) import_bits(value, data.begin(), data.end(), 8, true);
  if (truthy(isSigned) && !data.empty() && (static_cast<unsigned char>(data[0]) & 0x80))
    value -= BigInt(1) << static_cast<unsigned>(8 * data.size());
  return makeInt(std::move(value));
}

Value floatIsInteger(VM&, CallArgs args) {
  double x = selfFloat(args, "is_integer");
  expectMethodArgs("is_integer", args, 0, 0);
  return Value::boolean(std::isfinite(x) && std::floor(x) == x);
}

Value floatConjugate(VM&, CallArgs args) {
  double x = selfFloat(args, "conjugate");
  expectMethodArgs("conjugate", args, 0, 0);
  return Value::real(x);
}

Value floatAsIntegerRatio(VM&, CallArgs args) {
  double x = selfFloat(args, "as_integer_ratio");
  expectMethodArgs("as_integer_ratio", args, 0, 0);
  if (std::isinf(x)) raiseOverflowError("cannot convert Infinity to integer ratio");
  if (std::isnan(x)) raiseValueError("cannot convert NaN to integer ratio");
  int exponent;
  double mantissa = std::frexp(x, &exponent);
  // Shift the mantissa's bits into an integer (at most 53 of them, exact in a double).
  for (int i = 0; i < 300 && mantissa != std::floor(mantissa); ++i) {
    mantissa *= 2.0;
    --exponent;
  }
  BigInt numerator = toBigInt(intFromDouble(mantissa));
  BigInt denominator = 1;
  if (exponent > 0)
    numerator <<= static_cast<unsigned>(exponent);
  else
    denominator <<= static_cast<unsigned>(-exponent);
  return makeTuple({makeInt(std::move(numerator)), makeInt(std::move(denominator))});
}

// float.hex(): "[-]0x1.<13 hex digits>p<exp>" for normal numbers, "0x0.<digits>p-1022" for
// subnormals, as CPython writes it.
Value floatHex(VM&, CallArgs args) {
  double x = selfFloat(args, "hex");
  expectMethodArgs("hex", args, 0, 0);
  if (std::isnan(x)) return makeStr("nan");
  if (std::isinf(x)) return makeStr(x > 0 ? "inf" : "-inf");
  std::string sign = std::signbit(x) ? "-" : "";
  if (x == 0) return makeStr(sign + "0x0.0p+0");
  int exponent;
  double m = std::frexp(std::fabs(x), &exponent);
  int shift = 1 - std::max(DBL_MIN_EXP - exponent, 0);
  m = std::ldexp(m, shift);
  exponent -= shift;
  std::string text = sign + "0x";
  int lead = static_cast<int>(m);
  text += static_cast<char>('0' + lead);
  m -= lead;
  text += '.';
  for (int i = 0; i < 13; ++i) {
    m *= 16.0;
    int digit = static_cast<int>(m);
    text += "0123456789abcdef"[digit];
    m -= digit;
  }
  text += fmt::format("p{}{}", exponent < 0 ? "-" : "+", std::abs(exponent));
  return makeStr(std::move(text));
}

// float.fromhex(s): Python's grammar checked here, the rounding left to strtod (C99 hex floats
// round correctly).
Value floatFromhex(VM&, CallArgs args) {
  expectArgs("fromhex", args, 1, 1);
  if (!isStr(args[0])) raiseTypeError("fromhex() argument must be str, not {}", typeName(args[0]));
  std::string_view s = asStr(args[0])->view();
  auto isSpace = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!s.empty() && isSpace(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back()))
    s.remove_suffix(1);
  std::string lowered;
  for (char c : s)
    lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view body = lowered;
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == "inf" || body == "infinity") return Value::real(negative ? -HUGE_VAL : HUGE_VAL);
  if (body == "nan") return Value::real(std::copysign(NAN, negative ? -1.0 : 1.0));
  if (body.starts_with("0x")) body.remove_prefix(2);
  size_t i = 0, digits = 0;
  auto isHex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  while (i < body.size() && isHex(body[i]))
    ++i, ++digits;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && isHex(body[i]))
      ++i, ++digits;
  }
  bool valid = digits > 0;
  if (valid && i < body.size() && body[i] == 'p') {
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
    size_t start = i;
    while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i])))
      ++i;
    valid = i > start;
  }
  if (!valid || i != body.size()) raiseValueError("invalid hexadecimal floating-point string");
  std::string normalized = std::string(negative ? "-" : "") + "0x" + std::string(body);
  errno = 0;
  double r = std::strtod(normalized.c_str(), nullptr);
  if (std::isinf(r)) raiseOverflowError("hexadecimal value too large to represent as a float");
  return Value::real(r);
}

// The numbers protocol's attributes (numbers.Integral, numbers.Real): an int is its own real
// part and numerator; a float its own real part.
Value intItself(VM&, CallArgs args) {
  return exactInt(selfInt(args, "real"));
}
Value intZero(VM&, CallArgs args) {
  selfInt(args, "imag");
  return Value::integer(0);
}
Value intOne(VM&, CallArgs args) {
  selfInt(args, "denominator");
  return Value::integer(1);
}
Value floatItself(VM&, CallArgs args) {
  return Value::real(selfFloat(args, "real"));
}
Value floatZero(VM&, CallArgs args) {
  selfFloat(args, "imag");
  return Value::real(0.0);
}

void installProperties(TypeObject* type,
                       std::initializer_list<std::pair<const char*, NativeFn>> getters) {
  for (const auto& [name, fn] : getters) {
    Value getter = makeNative(name, fn);
    getter.object()->makeImmortal();
    Value property = Value::steal(new WrapperObject(builtinTypes().property, getter));
    property.object()->makeImmortal();
    type->dict()->setStr(name, property);
  }
}

// int's operator dunders work on the plain int part of self (an int subclass's instance) and
// answer NotImplemented for anything but an int or a bool, as CPython's slot wrappers do.
Value plainIntSelf(const CallArgs& args, const char* method, size_t operands) {
  Value self = selfInt(args, method);
  expectMethodArgs(method, args, operands, operands);
  return exactInt(self);
}

template <BinaryOperator Op, bool Reflected>
Value intBinaryDunder(VM&, CallArgs args) {
  Value self = plainIntSelf(args, "operator", 1);
  if (!isInt(args[1])) return Value::borrow(builtinTypes().notImplemented);
  Value other = exactInt(args[1]);
  return Reflected ? binaryOp(Op, other, self) : binaryOp(Op, self, other);
}

template <CompareOperator Op>
Value intCompareDunder(VM&, CallArgs args) {
  Value self = plainIntSelf(args, "comparison", 1);
  if (!isInt(args[1]) && !args[1].isFloat()) return Value::borrow(builtinTypes().notImplemented);
  return compare(Op, self, args[1].isFloat() ? args[1] : exactInt(args[1]));
}

template <UnaryOperator Op>
Value intUnaryDunder(VM&, CallArgs args) {
  return unaryOp(Op, plainIntSelf(args, "operator", 0));
}

Value intAbs(VM&, CallArgs args) {
  Value self = plainIntSelf(args, "__abs__", 0);
  return intSign(self) < 0 ? intNeg(self) : self;
}

Value intToPlainInt(VM&, CallArgs args) {
  return plainIntSelf(args, "__int__", 0);
}

Value intToFloat(VM&, CallArgs args) {
  return Value::real(intToDouble(plainIntSelf(args, "__float__", 0)));
}

Value intBool(VM&, CallArgs args) {
  return Value::boolean(intSign(plainIntSelf(args, "__bool__", 0)) != 0);
}

Value intHashDunder(VM&, CallArgs args) {
  return Value::integer(static_cast<int64_t>(hashValue(plainIntSelf(args, "__hash__", 0))));
}

Value intStrDunder(VM&, CallArgs args) {
  return makeStr(intToDecimal(plainIntSelf(args, "__repr__", 0)));
}

void installIntDunders(TypeObject* type) {
  auto add = [type](const std::string& name, NativeFn fn) {
    type->dict()->setStr(name, makeNativeMethod(name, fn, type->name()));
  };
#define GILSIM_INT_BINARY_DUNDER(name, symbol, dunder)                                   \
  if (BinaryOperator::name != BinaryOperator::MatMul) {                                  \
    add(dunder, intBinaryDunder<BinaryOperator::name, false>);                           \
    add(std::string("__r") + (dunder + 2), intBinaryDunder<BinaryOperator::name, true>); \
  }
  GILSIM_BINARY_OPERATORS(GILSIM_INT_BINARY_DUNDER)
#undef GILSIM_INT_BINARY_DUNDER
  add("__eq__", intCompareDunder<CompareOperator::Eq>);
  add("__ne__", intCompareDunder<CompareOperator::NotEq>);
  add("__lt__", intCompareDunder<CompareOperator::Lt>);
  add("__le__", intCompareDunder<CompareOperator::LtE>);
  add("__gt__", intCompareDunder<CompareOperator::Gt>);
  add("__ge__", intCompareDunder<CompareOperator::GtE>);
  add("__neg__", intUnaryDunder<UnaryOperator::Negate>);
  add("__pos__", intUnaryDunder<UnaryOperator::Plus>);
  add("__invert__", intUnaryDunder<UnaryOperator::Invert>);
  add("__abs__", intAbs);
  add("__int__", intToPlainInt);
  add("__index__", intToPlainInt);
  add("__trunc__", intToPlainInt);
  add("__float__", intToFloat);
  add("__bool__", intBool);
  add("__hash__", intHashDunder);
  add("__repr__", intStrDunder);
}

Value boolRepr(VM&, CallArgs args) {
  if (args.count != 1 || !args[0].isBool())
    raiseTypeError("descriptor '__repr__' requires a 'bool' object");
  return makeStr(args[0].boolean() ? "True" : "False");
}

void install(TypeObject* type, std::initializer_list<std::pair<const char*, NativeFn>> methods) {
  for (const auto& [name, fn] : methods)
    type->dict()->setStr(name, makeNativeMethod(name, fn, type->name()));
}

}  // namespace

void registerNumberMethods(BuiltinTypes& t) {
  install(t.int_, {{"bit_length", intBitLength},
                   {"bit_count", intBitCount},
                   {"to_bytes", intToBytes},
                   {"as_integer_ratio", intAsIntegerRatio},
                   {"conjugate", intConjugate}});
  installStaticMethod(t.int_, "from_bytes", intFromBytes);
  installIntDunders(t.int_);
  install(t.bool_, {{"__repr__", boolRepr}});
  install(t.float_, {{"is_integer", floatIsInteger},
                     {"as_integer_ratio", floatAsIntegerRatio},
                     {"hex", floatHex},
                     {"conjugate", floatConjugate}});
  installStaticMethod(t.float_, "fromhex", floatFromhex);
  installProperties(
      t.int_,
      {{"real", intItself}, {"imag", intZero}, {"numerator", intItself}, {"denominator", intOne}});
  installProperties(t.float_, {{"real", floatItself}, {"imag", floatZero}});
}

}  // namespace gilsim
