#include "interp/objects/complex_object.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

#include "interp/objects/builtin_methods.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/float_repr.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

namespace {

struct Complex {
  double re, im;
};

Complex add(Complex a, Complex b) {
  return {a.re + b.re, a.im + b.im};
}
Complex sub(Complex a, Complex b) {
  return {a.re - b.re, a.im - b.im};
}
Complex mul(Complex a, Complex b) {
  return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

// Smith's method: divide through by the larger of the divisor's parts (no needless overflow).
Complex quotient(Complex a, Complex b) {
  double absRe = std::fabs(b.re), absIm = std::fabs(b.im);
  if (absRe >= absIm) {
    if (absRe == 0) raiseZeroDivisionError("complex division by zero");
    double ratio = b.im / b.re;
    double denom = b.re + b.im * ratio;
    return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  }
  if (absIm >= absRe) {
    double ratio = b.re / b.im;
    double denom = b.re * ratio + b.im;
    return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  }
  return {NAN, NAN};  // a NaN in the divisor
}

Complex powUnsigned(Complex x, int64_t n) {
  Complex r{1.0, 0.0}, p = x;
  for (int64_t mask = 1; mask > 0 && n >= mask; mask <<= 1) {
    if (n & mask) r = mul(r, p);
    p = mul(p, p);
  }
  return r;
}

Complex power(Complex a, Complex b) {
  // Small integral exponents by squaring, as CPython (exact for (1+1j)**2).
  if (b.im == 0 && b.re == std::floor(b.re) && std::fabs(b.re) <= 100) {
    auto n = static_cast<int64_t>(b.re);
    if (n >= 0) return powUnsigned(a, n);
    Complex denominator = powUnsigned(a, -n);
    if (denominator.re == 0 && denominator.im == 0)
      raiseZeroDivisionError("0.0 to a negative or complex power");
    return quotient({1.0, 0.0}, denominator);
  }
  if (b.re == 0 && b.im == 0) return {1.0, 0.0};
  if (a.re == 0 && a.im == 0) {
    if (b.im != 0 || b.re < 0) raiseZeroDivisionError("0.0 to a negative or complex power");
    return {0.0, 0.0};
  }
  double vabs = std::hypot(a.re, a.im);
  double length = std::pow(vabs, b.re);
  double angle = std::atan2(a.im, a.re);
  double phase = angle * b.re;
  if (b.im != 0) {
    length /= std::exp(angle * b.im);
    phase += b.im * std::log(vabs);
  }
  return {length * std::cos(phase), length * std::sin(phase)};
}

// The operand as a complex: complex, float, int or bool; false for anything else
// (NotImplemented, so the other operand gets its turn).
bool asComplex(const Value& v, Complex* out) {
  if (isComplex(v)) {
    auto* c = v.as<ComplexObject>();
    *out = {c->real, c->imag};
    return true;
  }
  if (v.isFloat()) {
    *out = {v.real(), 0.0};
    return true;
  }
  if (isInt(v)) {
    *out = {intToDouble(v), 0.0};
    return true;
  }
  return false;
}

Value result(Complex c) {
  return makeComplex(c.re, c.im);
}

Value notImplemented() {
  return Value::borrow(builtinTypes().notImplemented);
}

template <Complex (*Op)(Complex, Complex), bool Reflected>
Value binary(VM&, CallArgs args) {
  expectMethodArgs("complex operator", args, 1, 1);
  Complex a, b;
  if (!asComplex(args[0], &a) || !asComplex(args[1], &b)) return notImplemented();
  return Reflected ? result(Op(b, a)) : result(Op(a, b));
}

Complex checkedPower(Complex a, Complex b) {
  Complex r = power(a, b);
  if ((std::isinf(r.re) || std::isinf(r.im)) && std::isfinite(a.re) && std::isfinite(a.im) &&
      std::isfinite(b.re) && std::isfinite(b.im))
    raiseOverflowError("complex exponentiation");
  return r;
}

template <bool Reflected>
Value complexPow(VM&, CallArgs args) {
  if (args.count == 3 && !args[2].isNone()) raiseValueError("complex modulo");
  Complex a, b;
  if (args.count < 2 || !asComplex(args[0], &a) || !asComplex(args[1], &b)) return notImplemented();
  return Reflected ? result(checkedPower(b, a)) : result(checkedPower(a, b));
}

Complex self(const CallArgs& args, const char* method) {
  Complex c;
  if (args.count == 0 || !isComplex(args[0]) || !asComplex(args[0], &c))
    raiseTypeError("descriptor '{}' requires a 'complex' object", method);
  return c;
}

Value complexNeg(VM&, CallArgs args) {
  Complex c = self(args, "__neg__");
  return makeComplex(-c.re, -c.im);
}
Value complexPos(VM&, CallArgs args) {
  Complex c = self(args, "__pos__");
  return makeComplex(c.re, c.im);
}
Value complexAbs(VM&, CallArgs args) {
  Complex c = self(args, "__abs__");
  double r = std::hypot(c.re, c.im);
  if (std::isinf(r) && std::isfinite(c.re) && std::isfinite(c.im))
    raiseOverflowError("absolute value too large");
  return Value::real(r);
}
Value complexBool(VM&, CallArgs args) {
  Complex c = self(args, "__bool__");
  return Value::boolean(c.re != 0 || c.im != 0);
}
Value complexConjugate(VM&, CallArgs args) {
  Complex c = self(args, "conjugate");
  expectMethodArgs("conjugate", args, 0, 0);
  return makeComplex(c.re, -c.im);
}
Value complexReal(VM&, CallArgs args) {
  return Value::real(self(args, "real").re);
}
Value complexImag(VM&, CallArgs args) {
  return Value::real(self(args, "imag").im);
}

template <bool Equal>
Value complexEq(VM&, CallArgs args) {
  Complex a = self(args, "__eq__"), b;
  if (args.count < 2) return notImplemented();
  const Value& other = args[1];
  bool same;
  if (isInt(other)) {
    // Exact: an int equals the complex only if the imaginary part is 0 and the real part is
    // that int (compared as CPython compares int and float).
    same = a.im == 0 && compareBool(CompareOperator::Eq, Value::real(a.re), other);
  } else if (asComplex(other, &b)) {
    same = a.re == b.re && a.im == b.im;
  } else {
    return notImplemented();
  }
  return Value::boolean(Equal ? same : !same);
}

Value complexHash(VM&, CallArgs args) {
  Complex c = self(args, "__hash__");
  auto realHash = static_cast<int64_t>(hashValue(Value::real(c.re)));
  auto imagHash = static_cast<int64_t>(hashValue(Value::real(c.im)));
  // CPython: hash(real) + 1000003 * hash(imag), wrapping, -1 reserved.
  auto h = static_cast<int64_t>(static_cast<uint64_t>(realHash) +
                                1000003ULL * static_cast<uint64_t>(imagHash));
  if (h == -1) h = -2;
  return Value::integer(h);
}

// float repr without the ".0" CPython adds (format code 'r' without Py_DTSF_ADD_DOT_0).
std::string part(double v) {
  std::string s = floatRepr(v);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

std::string complexRepr(const Value& v) {
  auto* c = v.as<ComplexObject>();
  if (c->real == 0 && std::copysign(1.0, c->real) == 1.0) return part(c->imag) + "j";
  std::string imag = part(c->imag);
  if (imag[0] != '-') imag = "+" + imag;
  return "(" + part(c->real) + imag + "j)";
}

Value complexReprMethod(VM&, CallArgs args) {
  self(args, "__repr__");
  return makeStr(complexRepr(args[0]));
}

Value complexGetnewargs(VM&, CallArgs args) {
  Complex c = self(args, "__getnewargs__");
  return makeTuple({Value::real(c.re), Value::real(c.im)});
}

// The length of a float's text at the start of `s` (sign, digits, point, exponent, or
// inf/infinity/nan), 0 if none; `*value` gets it.
size_t scanFloat(std::string_view s, double* value) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  auto word = [&](std::string_view w) {
    if (s.size() - i < w.size()) return false;
    for (size_t k = 0; k < w.size(); ++k)
      if (std::tolower(static_cast<unsigned char>(s[i + k])) != w[k]) return false;
    return true;
  };
  size_t end = i;
  if (word("infinity")) {
    end = i + 8;
  } else if (word("inf") || word("nan")) {
    end = i + 3;
  } else {
    size_t digits = 0;
    while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end])))
      ++end, ++digits;
    if (end < s.size() && s[end] == '.') {
      ++end;
      while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end])))
        ++end, ++digits;
    }
    if (digits == 0) return 0;
    if (end < s.size() && (s[end] == 'e' || s[end] == 'E')) {
      size_t e = end + 1;
      if (e < s.size() && (s[e] == '+' || s[e] == '-')) ++e;
      size_t start = e;
      while (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e])))
        ++e;
      if (e > start) end = e;
    }
  }
  *value = std::strtod(std::string(s.substr(0, end)).c_str(), nullptr);
  return end;
}

// complex("1+2j"), complex(" (3-j) "), complex("4.5"), complex("-j"): CPython's forms.
Complex parseComplex(std::string_view text) {
  auto malformed = [] { raiseValueError("complex() arg is a malformed string"); };
  auto trim = [](std::string_view& s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
      s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
      s.remove_suffix(1);
  };
  std::string_view s = text;
  trim(s);
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    s = s.substr(1, s.size() - 2);
    trim(s);
  }
  if (s.empty()) malformed();
  auto isJ = [](char c) { return c == 'j' || c == 'J'; };
  double first = 0;
  size_t n = scanFloat(s, &first);
  if (n == 0) {
    // A bare "j", "+j" or "-j".
    if (s.size() == 1 && isJ(s[0])) return {0.0, 1.0};
    if (s.size() == 2 && (s[0] == '+' || s[0] == '-') && isJ(s[1]))
      return {0.0, s[0] == '-' ? -1.0 : 1.0};
    malformed();
  }
  std::string_view rest = s.substr(n);
  if (rest.empty()) return {first, 0.0};
  if (rest.size() == 1 && isJ(rest[0])) return {0.0, first};
  if (rest[0] != '+' && rest[0] != '-') malformed();
  double second = 0;
  size_t m = scanFloat(rest, &second);
  if (m == 0) {
    if (rest.size() == 2 && isJ(rest[1])) return {first, rest[0] == '-' ? -1.0 : 1.0};
    malformed();
  }
  if (rest.size() != m + 1 || !isJ(rest[m])) malformed();
  return {first, second};
}

Value constructComplex(VM&, TypeObject*, CallArgs args) {
  Value real = Value::integer(0), imag;
  size_t positional = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "real")
      real = v;
    else if (name == "imag")
      imag = v;
    else
      raiseTypeError("complex() got an unexpected keyword argument '{}'", name);
  });
  if (positional > 2) raiseTypeError("complex() takes at most 2 arguments ({} given)", positional);
  if (positional > 0) real = args[0];
  if (positional > 1) imag = args[1];
  if (isStr(real)) {
    if (!imag.isNull()) raiseTypeError("complex() can't take second arg if first is a string");
    Complex c = parseComplex(asStr(real)->view());
    return makeComplex(c.re, c.im);
  }
  if (isStr(imag)) raiseTypeError("complex() second arg can't be a string");
  Complex a, b{0.0, 0.0};
  if (!asComplex(real, &a))
    raiseTypeError("complex() first argument must be a string or a number, not '{}'",
                   typeName(real));
  if (imag.isNull()) return makeComplex(a.re, a.im);
  if (!asComplex(imag, &b))
    raiseTypeError("complex() second argument must be a number, not '{}'", typeName(imag));
  // complex(a, b) == a + b*1j for complex a and b, but a real b is the imaginary part as it is
  // (complex(1.5, -0.0) keeps its -0.0).
  double re = isComplex(imag) ? a.re - b.im : a.re;
  double im = isComplex(real) ? b.re + a.im : b.re;
  return makeComplex(re, im);
}

}  // namespace

ComplexObject::ComplexObject(double r, double i) : Object(complexType()), real(r), imag(i) {}

TypeObject* complexType() {
  static TypeObject* type = [] {
    TypeObject* t = makeNativeType("complex", "builtins",
                                   {{"__add__", binary<add, false>},
                                    {"__radd__", binary<add, true>},
                                    {"__sub__", binary<sub, false>},
                                    {"__rsub__", binary<sub, true>},
                                    {"__mul__", binary<mul, false>},
                                    {"__rmul__", binary<mul, true>},
                                    {"__truediv__", binary<quotient, false>},
                                    {"__rtruediv__", binary<quotient, true>},
                                    {"__pow__", complexPow<false>},
                                    {"__rpow__", complexPow<true>},
                                    {"__neg__", complexNeg},
                                    {"__pos__", complexPos},
                                    {"__abs__", complexAbs},
                                    {"__bool__", complexBool},
                                    {"__eq__", complexEq<true>},
                                    {"__ne__", complexEq<false>},
                                    {"__hash__", complexHash},
                                    {"__repr__", complexReprMethod},
                                    {"__str__", complexReprMethod},
                                    {"__getnewargs__", complexGetnewargs},
                                    {"conjugate", complexConjugate}},
                                   {.repr = complexRepr});
    Heap::Scope noHeap(nullptr);
    installProperty(t, "real", complexReal);
    installProperty(t, "imag", complexImag);
    t->newFn = constructComplex;
    return t;
  }();
  return type;
}

Value makeComplex(double real, double imag) {
  return Value::steal(new ComplexObject(real, imag));
}

bool isComplex(const Value& v) {
  return v.isObject() && v.object()->type() == complexType();
}

}  // namespace gilsim
