#include "interp/objects/operators.h"

#include <locale.h>
#include <wctype.h>
#include <cmath>
#include <unordered_set>

#include "interp/objects/class_object.h"
#include "interp/objects/code.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/float_repr.h"
#include "interp/objects/formatting.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/set_object.h"
#include "interp/objects/str_object.h"
#include "interp/vm/generator_object.h"  // upward: a generator's repr names its code
#include "interp/vm/interpreter.h"       // upward: the run's largest sequence (InterpreterConfig)
#include "interp/vm/vm.h"                // upward: dunder methods run Python code

namespace gilsim {

namespace {

const BuiltinTypes& T() {
  return builtinTypes();
}

Layout layoutOf(const Value& v) {
  switch (v.tag()) {
    case Tag::None:
      return Layout::NoneType;
    case Tag::Bool:
      return Layout::Bool;
    case Tag::Int:
      return Layout::Int;
    case Tag::Float:
      return Layout::Float;
    case Tag::Object:
    case Tag::Immortal:
      return v.object()->type()->layout();
    case Tag::Null:
      break;
  }
  return Layout::Other;
}

bool isNumber(const Value& v) {
  return isInt(v) || v.isFloat();
}

bool isUserObject(const Value& v) {
  return v.isObject() && !v.object()->type()->isBuiltin();
}

bool isNotImplemented(const Value& v) {
  return v.isObject() && v.object() == T().notImplemented;
}

Value callMethod(const Value& function, const Value& self, std::initializer_list<Value> args) {
  std::vector<Value> all;
  all.reserve(args.size() + 1);
  all.push_back(self);
  for (const Value& a : args)
    all.push_back(a);
  return VM::current()->call(function, CallArgs{all.data(), all.size(), nullptr});
}

// Guards repr() of self-containing containers: `[...]`, `{...}`.
thread_local std::unordered_set<const Object*> tlsReprInProgress;
struct ReprGuard {
  const Object* object;
  bool entered;
  explicit ReprGuard(const Object* o) : object(o), entered(tlsReprInProgress.insert(o).second) {}
  ~ReprGuard() {
    if (entered) tlsReprInProgress.erase(object);
  }
};

size_t checkedLength(double n) {
  size_t limit = VM::current()->interp().config().maxSequenceLength;
  if (n > static_cast<double>(limit)) raiseMemoryError("");
  return static_cast<size_t>(n);
}

int64_t repeatCount(const Value& count) {
  if (!isInt(count)) return -1;
  int64_t n;
  if (!intFitsInt64(count, &n)) {
    if (intSign(count) < 0) return 0;
    raiseOverflowError("cannot fit 'int' into an index-sized integer");
  }
  return n < 0 ? 0 : n;
}

template <class Seq>
Seq repeat(const Seq& items, int64_t n) {
  checkedLength(static_cast<double>(items.size()) * static_cast<double>(n));
  Seq out;
  out.reserve(items.size() * n);
  for (int64_t i = 0; i < n; ++i)
    out.insert(out.end(), items.begin(), items.end());
  return out;
}

std::string reflected(const char* dunder) {
  return std::string("__r") + (dunder + 2);
}
std::string inplaceName(const char* dunder) {
  return std::string("__i") + (dunder + 2);
}

double floatMod(double x, double y) {
  if (y == 0) raiseZeroDivisionError("float modulo");
  double m = std::fmod(x, y);
  if (m != 0) {
    if ((y < 0) != (m < 0)) m += y;
  } else {
    m = std::copysign(0.0, y);
  }
  return m;
}

double floatFloorDiv(double x, double y) {
  if (y == 0) raiseZeroDivisionError("float floor division by zero");
  double mod = std::fmod(x, y);
  double div = (x - mod) / y;
  if (mod != 0 && ((y < 0) != (mod < 0))) div -= 1.0;
  double floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, x / y);
  }
  return floordiv;
}

Value floatPow(double x, double y) {
  if (x == 0 && y < 0) raiseZeroDivisionError("0.0 cannot be raised to a negative power");
  if (x < 0 && y != std::floor(y)) {
    raiseValueError("complex results are not supported (negative number to a fractional power)");
  }
  double r = std::pow(x, y);
  if (std::isinf(r) && !std::isinf(x) && !std::isinf(y))
    raiseOverflowError("(34, 'Numerical result out of range')");
  return Value::real(r);
}

Value numericOp(BinaryOperator op, const Value& a, const Value& b) {
  if (isInt(a) && isInt(b)) {
    switch (op) {
      case BinaryOperator::Add:
        return intAdd(a, b);
      case BinaryOperator::Sub:
        return intSub(a, b);
      case BinaryOperator::Mul:
        return intMul(a, b);
      case BinaryOperator::TrueDiv:
        return Value::real(intTrueDiv(a, b));
      case BinaryOperator::FloorDiv:
        return intFloorDiv(a, b);
      case BinaryOperator::Mod:
        return intMod(a, b);
      case BinaryOperator::Pow:
        if (intSign(b) < 0) {
          double base = intToDouble(a);
          if (base == 0) raiseZeroDivisionError("0.0 cannot be raised to a negative power");
          return Value::real(std::pow(base, intToDouble(b)));
        }
        return intPow(a, b);
      case BinaryOperator::LShift:
        return intLShift(a, b);
      case BinaryOperator::RShift:
        return intRShift(a, b);
      case BinaryOperator::BitOr:
        if (a.isBool() && b.isBool()) return Value::boolean(a.boolean() || b.boolean());
        return intOr(a, b);
      case BinaryOperator::BitXor:
        if (a.isBool() && b.isBool()) return Value::boolean(a.boolean() != b.boolean());
        return intXor(a, b);
      case BinaryOperator::BitAnd:
        if (a.isBool() && b.isBool()) return Value::boolean(a.boolean() && b.boolean());
        return intAnd(a, b);
      case BinaryOperator::MatMul:
        return Value();
    }
  }
  double x = a.isFloat() ? a.real() : intToDouble(a);
  double y = b.isFloat() ? b.real() : intToDouble(b);
  switch (op) {
    case BinaryOperator::Add:
      return Value::real(x + y);
    case BinaryOperator::Sub:
      return Value::real(x - y);
    case BinaryOperator::Mul:
      return Value::real(x * y);
    case BinaryOperator::TrueDiv:
      if (y == 0) raiseZeroDivisionError("float division by zero");
      return Value::real(x / y);
    case BinaryOperator::FloorDiv:
      return Value::real(floatFloorDiv(x, y));
    case BinaryOperator::Mod:
      return Value::real(floatMod(x, y));
    case BinaryOperator::Pow:
      return floatPow(x, y);
    default:
      return Value();
  }
}

Value setOp(BinaryOperator op, const Value& a, const Value& b) {
  auto* x = a.as<SetObject>();
  auto* y = b.as<SetObject>();
  Value result = makeSet(x->frozen());
  auto* r = result.as<SetObject>();
  switch (op) {
    case BinaryOperator::BitOr:
      x->forEach([&](const Value& v) { r->add(v); });
      y->forEach([&](const Value& v) { r->add(v); });
      break;
    case BinaryOperator::BitAnd:
      x->forEach([&](const Value& v) {
        if (y->contains(v)) r->add(v);
      });
      break;
    case BinaryOperator::Sub:
      x->forEach([&](const Value& v) {
        if (!y->contains(v)) r->add(v);
      });
      break;
    case BinaryOperator::BitXor:
      x->forEach([&](const Value& v) {
        if (!y->contains(v)) r->add(v);
      });
      y->forEach([&](const Value& v) {
        if (!x->contains(v)) r->add(v);
      });
      break;
    default:
      return Value();
  }
  return result;
}

// Built-in behaviour of `a op b`; Null when the built-in types do not support it.
Value builtinBinary(BinaryOperator op, const Value& a, const Value& b) {
  if (isNumber(a) && isNumber(b)) return numericOp(op, a, b);
  Layout la = layoutOf(a), lb = layoutOf(b);
  switch (op) {
    case BinaryOperator::Add:
      if (la == Layout::Str && lb == Layout::Str) {
        const std::string& x = asStr(a)->str();
        const std::string& y = asStr(b)->str();
        checkedLength(static_cast<double>(x.size() + y.size()));
        std::string r;
        r.reserve(x.size() + y.size());
        r += x;
        r += y;
        return makeStr(std::move(r));
      }
      if (la == Layout::List && lb == Layout::List) {
        std::vector<Value> r = a.as<ListObject>()->items();
        const auto& y = b.as<ListObject>()->items();
        r.insert(r.end(), y.begin(), y.end());
        return makeList(std::move(r));
      }
      if (la == Layout::Tuple && lb == Layout::Tuple) {
        std::vector<Value> r = a.as<TupleObject>()->items();
        const auto& y = b.as<TupleObject>()->items();
        r.insert(r.end(), y.begin(), y.end());
        return makeTuple(std::move(r));
      }
      if (la == Layout::Bytes && lb == Layout::Bytes)
        return makeBytes(a.as<BytesObject>()->data() + b.as<BytesObject>()->data());
      break;
    case BinaryOperator::Mul: {
      const Value* seq = &a;
      const Value* count = &b;
      Layout ls = la;
      if (isInt(a) && !isInt(b)) {
        seq = &b;
        count = &a;
        ls = lb;
      }
      if (!isInt(*count)) break;
      if (ls == Layout::Str) {
        int64_t n = repeatCount(*count);
        const std::string& s = asStr(*seq)->str();
        checkedLength(static_cast<double>(s.size()) * static_cast<double>(n));
        std::string r;
        r.reserve(s.size() * n);
        for (int64_t i = 0; i < n; ++i)
          r += s;
        return makeStr(std::move(r));
      }
      if (ls == Layout::Bytes) {
        int64_t n = repeatCount(*count);
        const std::string& s = seq->as<BytesObject>()->data();
        checkedLength(static_cast<double>(s.size()) * static_cast<double>(n));
        std::string r;
        for (int64_t i = 0; i < n; ++i)
          r += s;
        return makeBytes(std::move(r));
      }
      if (ls == Layout::List)
        return makeList(repeat(seq->as<ListObject>()->items(), repeatCount(*count)));
      if (ls == Layout::Tuple)
        return makeTuple(repeat(seq->as<TupleObject>()->items(), repeatCount(*count)));
      break;
    }
    case BinaryOperator::Mod:
      if (la == Layout::Str) return percentFormat(asStr(a)->str(), b);
      break;
    case BinaryOperator::BitOr:
    case BinaryOperator::BitAnd:
    case BinaryOperator::BitXor:
    case BinaryOperator::Sub:
      if (la == Layout::Set && lb == Layout::Set) return setOp(op, a, b);
      if (op == BinaryOperator::BitOr && la == Layout::Dict && lb == Layout::Dict) {
        Value r = makeDict();
        for (const auto& e : a.as<DictObject>()->entries())
          if (!e.key.isNull()) r.as<DictObject>()->set(e.key, e.value);
        for (const auto& e : b.as<DictObject>()->entries())
          if (!e.key.isNull()) r.as<DictObject>()->set(e.key, e.value);
        return r;
      }
      break;
    default:
      break;
  }
  return Value();
}

[[noreturn]] void unsupportedOperands(BinaryOperator op, const Value& a, const Value& b,
                                      bool inplace) {
  std::string symbol = binaryOperatorSymbol(op);
  if (op == BinaryOperator::Pow && !inplace)
    raiseTypeError("unsupported operand type(s) for ** or pow(): '{}' and '{}'", typeName(a),
                   typeName(b));
  if (op == BinaryOperator::Add && isStr(a) && !isStr(b))
    raiseTypeError("can only concatenate str (not \"{}\") to str", typeName(b));
  if (op == BinaryOperator::Add && isList(a) && !inplace)
    raiseTypeError("can only concatenate list (not \"{}\") to list", typeName(b));
  if (op == BinaryOperator::Add && isTuple(a))
    raiseTypeError("can only concatenate tuple (not \"{}\") to tuple", typeName(b));
  if (op == BinaryOperator::Mul &&
      (isStr(a) || isList(a) || isTuple(a) || isStr(b) || isList(b) || isTuple(b)))
    raiseTypeError("can't multiply sequence by non-int of type '{}'",
                   typeName((isStr(a) || isList(a) || isTuple(a)) ? b : a));
  raiseTypeError("unsupported operand type(s) for {}{}: '{}' and '{}'", symbol, inplace ? "=" : "",
                 typeName(a), typeName(b));
}

Value userBinary(BinaryOperator op, const Value& a, const Value& b) {
  const char* name = binaryOperatorDunder(op);
  bool bIsSubclassOverride = isUserObject(b) && a.type() != b.type() &&
                             b.type()->isSubtypeOf(a.type()) &&
                             !lookupSpecial(b, reflected(name)).isNull();
  if (bIsSubclassOverride) {
    Value r = callSpecial(b, reflected(name), {a});
    if (!r.isNull() && !isNotImplemented(r)) return r;
  }
  if (isUserObject(a)) {
    Value r = callSpecial(a, name, {b});
    if (!r.isNull() && !isNotImplemented(r)) return r;
  }
  if (isUserObject(b) && !bIsSubclassOverride && a.type() != b.type()) {
    Value r = callSpecial(b, reflected(name), {a});
    if (!r.isNull() && !isNotImplemented(r)) return r;
  }
  return Value();
}

}  // namespace

Value binaryOp(BinaryOperator op, const Value& a, const Value& b) {
  if (!isUserObject(a) && !isUserObject(b)) {
    Value r = builtinBinary(op, a, b);
    if (!r.isNull()) return r;
  } else {
    Value r = userBinary(op, a, b);
    if (!r.isNull()) return r;
    r = builtinBinary(op, a, b);
    if (!r.isNull()) return r;
  }
  unsupportedOperands(op, a, b, false);
}

Value inplaceOp(BinaryOperator op, const Value& a, const Value& b) {
  if (isList(a)) {
    if (op == BinaryOperator::Add) {
      std::vector<Value> extra = toVector(b);
      auto& items = a.as<ListObject>()->items();
      items.insert(items.end(), extra.begin(), extra.end());
      return a;
    }
    if (op == BinaryOperator::Mul && isInt(b)) {
      auto& items = a.as<ListObject>()->items();
      items = repeat(items, repeatCount(b));
      return a;
    }
  }
  if (isSet(a) && isSet(b) && !a.as<SetObject>()->frozen()) {
    auto* x = a.as<SetObject>();
    auto* y = b.as<SetObject>();
    switch (op) {
      case BinaryOperator::BitOr:
        y->forEach([&](const Value& v) { x->add(v); });
        return a;
      case BinaryOperator::Sub:
        for (const Value& v : y->items())
          x->discard(v);
        return a;
      case BinaryOperator::BitAnd:
        for (const Value& v : x->items())
          if (!y->contains(v)) x->discard(v);
        return a;
      case BinaryOperator::BitXor:
        for (const Value& v : y->items())
          if (!x->discard(v)) x->add(v);
        return a;
      default:
        break;
    }
  }
  if (isDict(a) && isDict(b) && op == BinaryOperator::BitOr) {
    for (const auto& e : b.as<DictObject>()->entries())
      if (!e.key.isNull()) a.as<DictObject>()->set(e.key, e.value);
    return a;
  }
  if (isUserObject(a)) {
    Value r = callSpecial(a, inplaceName(binaryOperatorDunder(op)), {b});
    if (!r.isNull() && !isNotImplemented(r)) return r;
  }
  if (!isUserObject(a) && !isUserObject(b)) {
    Value r = builtinBinary(op, a, b);
    if (!r.isNull()) return r;
  } else {
    Value r = userBinary(op, a, b);
    if (!r.isNull()) return r;
    r = builtinBinary(op, a, b);
    if (!r.isNull()) return r;
  }
  unsupportedOperands(op, a, b, true);
}

Value unaryOp(UnaryOperator op, const Value& a) {
  if (op == UnaryOperator::Not) return Value::boolean(!truthy(a));
  if (isInt(a)) {
    switch (op) {
      case UnaryOperator::Negate:
        return intNeg(a);
      case UnaryOperator::Plus:
        return a.isBool() ? Value::integer(a.smallInt()) : a;
      case UnaryOperator::Invert:
        return intInvert(a);
      default:
        break;
    }
  }
  if (a.isFloat()) {
    if (op == UnaryOperator::Negate) return Value::real(-a.real());
    if (op == UnaryOperator::Plus) return a;
  }
  const char* name = op == UnaryOperator::Negate ? "__neg__"
                     : op == UnaryOperator::Plus ? "__pos__"
                                                 : "__invert__";
  if (isUserObject(a)) {
    Value r = callSpecial(a, name, {});
    if (!r.isNull()) return r;
  }
  const char* symbol = op == UnaryOperator::Negate ? "-" : op == UnaryOperator::Plus ? "+" : "~";
  raiseTypeError("bad operand type for unary {}: '{}'", symbol, typeName(a));
}

namespace {

int compareStrings(const std::string& x, const std::string& y) {
  // UTF-8 byte order equals code point order.
  int c = x.compare(y);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

bool orderingHolds(CompareOperator op, int c) {
  switch (op) {
    case CompareOperator::Lt:
      return c < 0;
    case CompareOperator::LtE:
      return c <= 0;
    case CompareOperator::Gt:
      return c > 0;
    case CompareOperator::GtE:
      return c >= 0;
    case CompareOperator::Eq:
      return c == 0;
    case CompareOperator::NotEq:
      return c != 0;
    default:
      return false;
  }
}

int compareNumbers(const Value& a, const Value& b) {
  if (isInt(a) && isInt(b)) return intCompare(a, b);
  double x = a.isFloat() ? a.real() : 0, y = b.isFloat() ? b.real() : 0;
  if (a.isFloat() && b.isFloat()) return x < y ? -1 : (x > y ? 1 : 0);
  // int vs float: compare exactly (a huge int against a float must not overflow).
  const Value& i = a.isFloat() ? b : a;
  double f = a.isFloat() ? x : y;
  int sign = a.isFloat() ? -1 : 1;
  if (std::isinf(f)) return (f > 0 ? -1 : 1) * sign;
  int64_t small;
  int c;
  if (intFitsInt64(i, &small) && std::fabs(f) < 9.0e15 && std::llabs(small) < (1LL << 53)) {
    double d = static_cast<double>(small);
    c = d < f ? -1 : (d > f ? 1 : 0);
  } else {
    BigInt whole = toBigInt(intFromDouble(std::floor(f)));
    BigInt value = toBigInt(i);
    if (value < whole)
      c = -1;
    else if (value > whole)
      c = 1;
    else
      c = (f > std::floor(f)) ? -1 : 0;
  }
  return c * sign;
}

const char* compareDunder(CompareOperator op) {
  switch (op) {
    case CompareOperator::Lt:
      return "__lt__";
    case CompareOperator::LtE:
      return "__le__";
    case CompareOperator::Gt:
      return "__gt__";
    case CompareOperator::GtE:
      return "__ge__";
    case CompareOperator::Eq:
      return "__eq__";
    case CompareOperator::NotEq:
      return "__ne__";
    default:
      return "";
  }
}

CompareOperator swapped(CompareOperator op) {
  switch (op) {
    case CompareOperator::Lt:
      return CompareOperator::Gt;
    case CompareOperator::LtE:
      return CompareOperator::GtE;
    case CompareOperator::Gt:
      return CompareOperator::Lt;
    case CompareOperator::GtE:
      return CompareOperator::LtE;
    default:
      return op;
  }
}

bool sequenceCompare(CompareOperator op, const std::vector<Value>& x, const std::vector<Value>& y,
                     Value* result) {
  size_t n = std::min(x.size(), y.size());
  for (size_t i = 0; i < n; ++i) {
    if (!equals(x[i], y[i])) {
      if (op == CompareOperator::Eq) {
        *result = Value::boolean(false);
        return true;
      }
      if (op == CompareOperator::NotEq) {
        *result = Value::boolean(true);
        return true;
      }
      *result = compare(op, x[i], y[i]);
      return true;
    }
  }
  int c = x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
  *result = Value::boolean(orderingHolds(op, c));
  return true;
}

// Built-in comparison; Null when unsupported for these types.
Value builtinCompare(CompareOperator op, const Value& a, const Value& b) {
  if (isNumber(a) && isNumber(b)) {
    if ((a.isFloat() && std::isnan(a.real())) || (b.isFloat() && std::isnan(b.real())))
      return Value::boolean(op == CompareOperator::NotEq);
    return Value::boolean(orderingHolds(op, compareNumbers(a, b)));
  }
  Layout la = layoutOf(a), lb = layoutOf(b);
  if (la == Layout::Str && lb == Layout::Str)
    return Value::boolean(orderingHolds(op, compareStrings(asStr(a)->str(), asStr(b)->str())));
  if (la == Layout::Bytes && lb == Layout::Bytes)
    return Value::boolean(orderingHolds(
        op, compareStrings(a.as<BytesObject>()->data(), b.as<BytesObject>()->data())));
  Value r;
  if (la == Layout::List && lb == Layout::List &&
      sequenceCompare(op, a.as<ListObject>()->items(), b.as<ListObject>()->items(), &r))
    return r;
  if (la == Layout::Tuple && lb == Layout::Tuple &&
      sequenceCompare(op, a.as<TupleObject>()->items(), b.as<TupleObject>()->items(), &r))
    return r;
  if (la == Layout::Set && lb == Layout::Set) {
    auto* x = a.as<SetObject>();
    auto* y = b.as<SetObject>();
    auto subset = [](SetObject* p, SetObject* q) {
      bool ok = true;
      p->forEach([&](const Value& v) { ok = ok && q->contains(v); });
      return ok && p->size() <= q->size();
    };
    switch (op) {
      case CompareOperator::Eq:
        return Value::boolean(x->size() == y->size() && subset(x, y));
      case CompareOperator::NotEq:
        return Value::boolean(!(x->size() == y->size() && subset(x, y)));
      case CompareOperator::LtE:
        return Value::boolean(subset(x, y));
      case CompareOperator::Lt:
        return Value::boolean(x->size() < y->size() && subset(x, y));
      case CompareOperator::GtE:
        return Value::boolean(subset(y, x));
      case CompareOperator::Gt:
        return Value::boolean(y->size() < x->size() && subset(y, x));
      default:
        break;
    }
  }
  if (la == Layout::Dict && lb == Layout::Dict &&
      (op == CompareOperator::Eq || op == CompareOperator::NotEq)) {
    auto* x = a.as<DictObject>();
    auto* y = b.as<DictObject>();
    bool same = x->size() == y->size();
    if (same) {
      for (const auto& e : x->entries()) {
        if (e.key.isNull()) continue;
        Value other = y->get(e.key);
        if (other.isNull() || !equals(e.value, other)) {
          same = false;
          break;
        }
      }
    }
    return Value::boolean(op == CompareOperator::Eq ? same : !same);
  }
  if (la == Layout::Range && lb == Layout::Range &&
      (op == CompareOperator::Eq || op == CompareOperator::NotEq)) {
    auto* x = a.as<RangeObject>();
    auto* y = b.as<RangeObject>();
    bool same =
        x->length() == y->length() &&
        (x->length() == 0 || (x->start == y->start && (x->length() == 1 || x->step == y->step)));
    return Value::boolean(op == CompareOperator::Eq ? same : !same);
  }
  return Value();
}

}  // namespace

Value compare(CompareOperator op, const Value& a, const Value& b) {
  switch (op) {
    case CompareOperator::Is:
      return Value::boolean(a.identical(b));
    case CompareOperator::IsNot:
      return Value::boolean(!a.identical(b));
    case CompareOperator::In:
      return Value::boolean(contains(b, a));
    case CompareOperator::NotIn:
      return Value::boolean(!contains(b, a));
    default:
      break;
  }
  if (isUserObject(a) || isUserObject(b)) {
    const char* name = compareDunder(op);
    const char* reflectedName = compareDunder(swapped(op));
    bool reflectFirst = isUserObject(b) && a.type() != b.type() && b.type()->isSubtypeOf(a.type());
    if (reflectFirst) {
      Value r = callSpecial(b, reflectedName, {a});
      if (!r.isNull() && !isNotImplemented(r)) return r;
    }
    if (isUserObject(a)) {
      Value r = callSpecial(a, name, {b});
      if (!r.isNull() && !isNotImplemented(r)) return r;
    }
    if (isUserObject(b) && !reflectFirst) {
      Value r = callSpecial(b, reflectedName, {a});
      if (!r.isNull() && !isNotImplemented(r)) return r;
    }
    if (op == CompareOperator::NotEq && isUserObject(a)) {
      Value eq = callSpecial(a, "__eq__", {b});
      if (!eq.isNull() && !isNotImplemented(eq)) return Value::boolean(!truthy(eq));
    }
  } else {
    Value r = builtinCompare(op, a, b);
    if (!r.isNull()) return r;
  }
  if (op == CompareOperator::Eq) return Value::boolean(a.identical(b));
  if (op == CompareOperator::NotEq) return Value::boolean(!a.identical(b));
  raiseTypeError("'{}' not supported between instances of '{}' and '{}'", compareOperatorSymbol(op),
                 typeName(a), typeName(b));
}

bool compareBool(CompareOperator op, const Value& a, const Value& b) {
  return truthy(compare(op, a, b));
}

bool equals(const Value& a, const Value& b) {
  if (a.identical(b)) return true;
  if (a.isSmallInt() && b.isSmallInt()) return false;
  return truthy(compare(CompareOperator::Eq, a, b));
}

bool lessThan(const Value& a, const Value& b) {
  return truthy(compare(CompareOperator::Lt, a, b));
}

bool isCallable(const Value& v) {
  Layout l = v.type()->layout();
  return l == Layout::Function || l == Layout::NativeFunction || l == Layout::BoundMethod ||
         l == Layout::Type || !v.type()->lookup("__call__").isNull();
}

bool truthy(const Value& v) {
  switch (v.tag()) {
    case Tag::Null:
    case Tag::None:
      return false;
    case Tag::Bool:
    case Tag::Int:
      return v.smallInt() != 0;
    case Tag::Float:
      return v.real() != 0.0;
    case Tag::Object:
    case Tag::Immortal:
      break;
  }
  switch (layoutOf(v)) {
    case Layout::Int:
      return true;  // a big int is never zero
    case Layout::Str:
      return asStr(v)->length() != 0;
    case Layout::Bytes:
      return !v.as<BytesObject>()->data().empty();
    case Layout::Tuple:
      return v.as<TupleObject>()->size() != 0;
    case Layout::List:
      return v.as<ListObject>()->size() != 0;
    case Layout::Dict:
      return v.as<DictObject>()->size() != 0;
    case Layout::Set:
      return v.as<SetObject>()->size() != 0;
    case Layout::Range:
      return v.as<RangeObject>()->length() != 0;
    default:
      break;
  }
  if (isUserObject(v)) {
    Value r = callSpecial(v, "__bool__", {});
    if (!r.isNull()) {
      if (!r.isBool()) raiseTypeError("__bool__ should return bool, returned {}", typeName(r));
      return r.boolean();
    }
    r = callSpecial(v, "__len__", {});
    if (!r.isNull()) return toIndex(r, "__len__") != 0;
  }
  return true;
}

namespace {
uint64_t floatHash(double d) {
  // CPython's _Py_HashDouble: equal numbers hash equal across int and float.
  if (std::isinf(d)) return d > 0 ? 314159 : static_cast<uint64_t>(-314159);
  if (std::isnan(d)) return 0;
  double intpart;
  if (std::modf(d, &intpart) == 0 && std::fabs(d) < 9.2e18)
    return intHash(Value::integer(static_cast<int64_t>(d)));
  constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
  int e;
  double m = std::frexp(d, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kModulus) | x >> (61 - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
  x = ((x << e) & kModulus) | x >> (61 - e);
  int64_t h = static_cast<int64_t>(x) * sign;
  if (h == -1) h = -2;
  return static_cast<uint64_t>(h);
}
}  // namespace

uint64_t hashValue(const Value& v) {
  switch (v.tag()) {
    case Tag::None:
      return 0xFCA86420u;
    case Tag::Bool:
    case Tag::Int:
      return intHash(v);
    case Tag::Float:
      return floatHash(v.real());
    default:
      break;
  }
  switch (layoutOf(v)) {
    case Layout::Str:
      return asStr(v)->hash();
    case Layout::Bytes:
      return bytesHash(v.as<BytesObject>()->data());
    case Layout::Int:
      return intHash(v);
    case Layout::Tuple: {
      // CPython 3.8+'s tuple hash (xxHash-derived), so hash((1, 2)) matches.
      constexpr uint64_t kPrime1 = 11400714785074694791ull;
      constexpr uint64_t kPrime2 = 14029467366897019727ull;
      constexpr uint64_t kPrime5 = 2870177450012600261ull;
      const auto& items = v.as<TupleObject>()->items();
      uint64_t acc = kPrime5;
      for (const Value& item : items) {
        uint64_t lane = hashValue(item);
        acc += lane * kPrime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= kPrime1;
      }
      acc += items.size() ^ (kPrime5 ^ 3527539ull);
      if (acc == ~0ull) return 1546275796;
      return acc;
    }
    case Layout::List:
    case Layout::Dict:
      raiseTypeError("unhashable type: '{}'", typeName(v));
    case Layout::Set:
      if (!v.as<SetObject>()->frozen()) raiseTypeError("unhashable type: '{}'", typeName(v));
      {
        // CPython 3.11's frozenset_hash: xor of shuffled entry hashes, then the size, then a
        // final dispersal.
        uint64_t h = 0;
        auto* set = v.as<SetObject>();
        set->forEach([&](const Value& item) {
          uint64_t x = hashValue(item);
          h ^= ((x ^ 89869747ull) ^ (x << 16)) * 3644798167ull;
        });
        h ^= (static_cast<uint64_t>(set->size()) + 1) * 1927868237ull;
        h ^= (h >> 11) ^ (h >> 25);
        h = h * 69069u + 907133923ull;
        if (h == ~0ull) h = 590923713ull;
        return h;
      }
    default:
      break;
  }
  if (isUserObject(v)) {
    Value hashFn = lookupSpecial(v, "__hash__");
    if (hashFn.isNone()) raiseTypeError("unhashable type: '{}'", typeName(v));
    if (!hashFn.isNull() &&
        !(hashFn.isObject() && hashFn.object()->type() == T().builtinFunction)) {
      Value r = callMethod(hashFn, v, {});
      if (!isInt(r)) raiseTypeError("__hash__ method should return an integer");
      return intHash(r);
    }
  }
  return reinterpret_cast<uintptr_t>(v.object()) >> 4;
}

bool contains(const Value& container, const Value& item) {
  switch (layoutOf(container)) {
    case Layout::Str:
      if (!isStr(item))
        raiseTypeError("'in <string>' requires string as left operand, not {}", typeName(item));
      return asStr(container)->str().find(asStr(item)->str()) != std::string::npos;
    case Layout::Bytes:
      if (isInt(item)) {
        int64_t b = toIndex(item, "byte");
        return container.as<BytesObject>()->data().find(static_cast<char>(b)) != std::string::npos;
      }
      if (!isBytes(item))
        raiseTypeError("a bytes-like object is required, not '{}'", typeName(item));
      return container.as<BytesObject>()->data().find(item.as<BytesObject>()->data()) !=
             std::string::npos;
    case Layout::Dict:
      return container.as<DictObject>()->contains(item);
    case Layout::Set:
      return container.as<SetObject>()->contains(item);
    case Layout::List:
      for (size_t i = 0; i < container.as<ListObject>()->size(); ++i)
        if (equals(container.as<ListObject>()->items()[i], item)) return true;
      return false;
    case Layout::Tuple:
      for (const Value& v : container.as<TupleObject>()->items())
        if (equals(v, item)) return true;
      return false;
    case Layout::Range: {
      auto* r = container.as<RangeObject>();
      if (!isInt(item)) break;
      int64_t x;
      if (!intFitsInt64(item, &x)) return false;
      if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop))
        return false;
      return (x - r->start) % r->step == 0;
    }
    case Layout::DictView: {
      auto* view = container.as<DictViewObject>();
      auto* d = view->dict.as<DictObject>();
      if (view->kind == DictViewKind::Keys) return d->contains(item);
      if (view->kind == DictViewKind::Items) {
        if (!isTuple(item) || item.as<TupleObject>()->size() != 2) return false;
        Value v = d->get(item.as<TupleObject>()->items()[0]);
        return !v.isNull() && equals(v, item.as<TupleObject>()->items()[1]);
      }
      break;
    }
    default:
      break;
  }
  if (isUserObject(container)) {
    Value r = callSpecial(container, "__contains__", {item});
    if (!r.isNull()) return truthy(r);
  }
  Value it = getIter(container);
  Value v;
  while (iterNext(it, &v))
    if (equals(v, item)) return true;
  return false;
}

namespace {

// str.isprintable() for non-ASCII code points: CPython escapes the Unicode categories Zs (but
// space), Zl, Zp, Cc, Cf, Cs, Co and Cn in repr. glibc's tables answer "assigned and printable";
// separators and format characters it calls printable are listed here.
bool isPrintable(uint32_t cp) {
  static const std::pair<uint32_t, uint32_t> kNotPrintable[] = {
      {0xa0, 0xa0},       {0xad, 0xad},       {0x600, 0x605},     {0x61c, 0x61c},
      {0x6dd, 0x6dd},     {0x70f, 0x70f},     {0x8e2, 0x8e2},     {0x1680, 0x1680},
      {0x180e, 0x180e},   {0x2000, 0x200f},   {0x2028, 0x202f},   {0x205f, 0x2064},
      {0x2066, 0x206f},   {0x3000, 0x3000},   {0xd800, 0xf8ff},   {0xfeff, 0xfeff},
      {0xfff9, 0xfffb},   {0x110bd, 0x110bd}, {0x110cd, 0x110cd}, {0x13430, 0x1343f},
      {0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a}, {0xe0001, 0xe0001}, {0xe0020, 0xe007f},
      {0xf0000, 0x10ffff}};
  for (const auto& [lo, hi] : kNotPrintable)
    if (cp >= lo && cp <= hi) return false;
  static locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  return !locale || iswprint_l(static_cast<wint_t>(cp), locale);
}

std::string reprStr(const std::string& s) {
  bool hasSingle = s.find('\'') != std::string::npos;
  bool hasDouble = s.find('"') != std::string::npos;
  char quote = hasSingle && !hasDouble ? '"' : '\'';
  std::string out(1, quote);
  size_t pos = 0;
  while (pos < s.size()) {
    uint32_t cp = decodeUtf8At(s, pos);
    if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp < 0x20 || cp == 0x7f) {
      out += fmt::format("\\x{:02x}", cp);
    } else if (cp >= 0x80 && cp < 0xa0) {
      out += fmt::format("\\x{:02x}", cp);
    } else if (cp >= 0xa0 && !isPrintable(cp)) {
      if (cp <= 0xff)
        out += fmt::format("\\x{:02x}", cp);
      else if (cp <= 0xffff)
        out += fmt::format("\\u{:04x}", cp);
      else
        out += fmt::format("\\U{:08x}", cp);
    } else {
      appendUtf8(out, cp);
    }
  }
  out += quote;
  return out;
}

std::string reprBytes(const std::string& s) {
  bool hasSingle = s.find('\'') != std::string::npos;
  bool hasDouble = s.find('"') != std::string::npos;
  char quote = hasSingle && !hasDouble ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (unsigned char c : s) {
    if (c == quote || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (c < 0x20 || c >= 0x7f)
      out += fmt::format("\\x{:02x}", c);
    else
      out += static_cast<char>(c);
  }
  out += quote;
  return out;
}

std::string joinRepr(const std::vector<Value>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += repr(items[i]);
  }
  return out;
}

std::string address(const Object* o) {
  return fmt::format("0x{:012x}", reinterpret_cast<uintptr_t>(o));
}

std::string qualifiedName(TypeObject* type) {
  if (type->moduleName == "builtins") return type->name();
  return type->moduleName + "." + type->name();
}

}  // namespace

std::string repr(const Value& v) {
  switch (v.tag()) {
    case Tag::Null:
      return "<NULL>";
    case Tag::None:
      return "None";
    case Tag::Bool:
      return v.boolean() ? "True" : "False";
    case Tag::Int:
      return std::to_string(v.smallInt());
    case Tag::Float:
      return floatRepr(v.real());
    default:
      break;
  }
  Object* o = v.object();
  if (isUserObject(v)) {
    Value r = callSpecial(v, "__repr__", {});
    if (!r.isNull() && !(r.isObject() && r.object() == nullptr)) {
      if (!isStr(r)) raiseTypeError("__repr__ returned non-string (type {})", typeName(r));
      return asStr(r)->str();
    }
  }
  if (o->type()->reprSlot) return o->type()->reprSlot(v);
  switch (layoutOf(v)) {
    case Layout::Int:
      return intToDecimal(v);
    case Layout::Str:
      return reprStr(asStr(v)->str());
    case Layout::Bytes:
      return reprBytes(v.as<BytesObject>()->data());
    case Layout::Tuple: {
      const auto& items = v.as<TupleObject>()->items();
      ReprGuard guard(o);
      if (!guard.entered) return "(...)";
      if (items.size() == 1) return "(" + repr(items[0]) + ",)";
      return "(" + joinRepr(items) + ")";
    }
    case Layout::List: {
      ReprGuard guard(o);
      if (!guard.entered) return "[...]";
      std::vector<Value> items = v.as<ListObject>()->items();
      return "[" + joinRepr(items) + "]";
    }
    case Layout::Dict: {
      ReprGuard guard(o);
      if (!guard.entered) return "{...}";
      std::string out = "{";
      bool first = true;
      std::vector<DictObject::Entry> entries = v.as<DictObject>()->entries();
      for (const auto& e : entries) {
        if (e.key.isNull()) continue;
        if (!first) out += ", ";
        first = false;
        out += repr(e.key) + ": " + repr(e.value);
      }
      return out + "}";
    }
    case Layout::Set: {
      auto* s = v.as<SetObject>();
      bool frozen = s->frozen();
      if (s->size() == 0) return frozen ? "frozenset()" : "set()";
      ReprGuard guard(o);
      if (!guard.entered) return "{...}";
      std::string inner = "{" + joinRepr(s->items()) + "}";
      return frozen ? "frozenset(" + inner + ")" : inner;
    }
    case Layout::Range: {
      auto* r = v.as<RangeObject>();
      if (r->big) {
        if (intCompare(r->bigStep, Value::integer(1)) == 0)
          return "range(" + repr(r->bigStart) + ", " + repr(r->bigStop) + ")";
        return "range(" + repr(r->bigStart) + ", " + repr(r->bigStop) + ", " + repr(r->bigStep) +
               ")";
      }
      if (r->step == 1) return fmt::format("range({}, {})", r->start, r->stop);
      return fmt::format("range({}, {}, {})", r->start, r->stop, r->step);
    }
    case Layout::Slice: {
      auto* s = v.as<SliceObject>();
      return "slice(" + repr(s->start) + ", " + repr(s->stop) + ", " + repr(s->step) + ")";
    }
    case Layout::Function: {
      auto* f = v.as<FunctionObject>();
      return "<function " + f->qualname + " at " + address(o) + ">";
    }
    case Layout::NativeFunction: {
      auto* f = v.as<NativeFunctionObject>();
      if (f->isMethod()) return "<method '" + f->name() + "' of '" + f->ownerName() + "' objects>";
      return "<built-in function " + f->name() + ">";
    }
    case Layout::BoundMethod: {
      auto* m = v.as<BoundMethodObject>();
      if (m->function.isObject() && m->function.object()->type() == T().builtinFunction)
        return "<built-in method " + m->function.as<NativeFunctionObject>()->name() + " of " +
               typeName(m->self) + " object at " +
               address(m->self.isObject() ? m->self.object() : nullptr) + ">";
      std::string name = m->function.isObject() && layoutOf(m->function) == Layout::Function
                             ? m->function.as<FunctionObject>()->qualname
                             : "?";
      return "<bound method " + name + " of " + repr(m->self) + ">";
    }
    case Layout::Type:
      return "<class '" + qualifiedName(v.as<TypeObject>()) + "'>";
    case Layout::Module: {
      auto* m = v.as<ModuleObject>();
      Value file = m->dict()->getStr("__file__");
      if (file.isNull()) return "<module '" + m->name() + "' (built-in)>";
      return "<module '" + m->name() + "' from " + repr(file) + ">";
    }
    case Layout::Code:
      return "<code object " + v.as<CodeObject>()->name + ">";
    case Layout::Cell:
      return "<cell at " + address(o) + ">";
    case Layout::Iterator: {
      if (o->type() == T().iterator) {
        if (auto* it = dynamic_cast<IteratorObject*>(o))
          return std::string("<") + it->typeName() + " object at " + address(o) + ">";
      }
      return "<iterator object at " + address(o) + ">";
    }
    case Layout::DictView: {
      const std::string& name = o->type()->name();
      Value items = makeList(toVector(v));
      return name + "(" + repr(items) + ")";
    }
    case Layout::Exception: {
      Value r = callSpecial(v, "__repr__", {});
      return asStr(r)->str();
    }
    case Layout::Generator:
      return "<generator object " + static_cast<GeneratorObject*>(o)->code()->qualname + " at " +
             address(o) + ">";
    default:
      break;
  }
  if (o == T().notImplemented) return "NotImplemented";
  if (o == T().ellipsis) return "Ellipsis";
  return "<" + qualifiedName(o->type()) + " object at " + address(o) + ">";
}

std::string str(const Value& v) {
  if (isStr(v)) return asStr(v)->str();
  if (v.isObject()) {
    if (isUserObject(v) || layoutOf(v) == Layout::Exception) {
      Value fn = lookupSpecial(v, "__str__");
      if (!fn.isNull()) {
        Value r = callMethod(fn, v, {});
        if (!isStr(r)) raiseTypeError("__str__ returned non-string (type {})", typeName(r));
        return asStr(r)->str();
      }
    }
  }
  return repr(v);
}

std::string ascii(const Value& v) {
  std::string r = repr(v);
  std::string out;
  size_t pos = 0;
  while (pos < r.size()) {
    uint32_t cp = decodeUtf8At(r, pos);
    if (cp < 0x80)
      out += static_cast<char>(cp);
    else if (cp <= 0xff)
      out += fmt::format("\\x{:02x}", cp);
    else if (cp <= 0xffff)
      out += fmt::format("\\u{:04x}", cp);
    else
      out += fmt::format("\\U{:08x}", cp);
  }
  return out;
}

Value lookupSpecial(const Value& obj, std::string_view name) {
  return obj.type()->lookup(name);
}

Value callSpecial(const Value& obj, std::string_view name, std::initializer_list<Value> args) {
  Value fn = lookupSpecial(obj, name);
  if (fn.isNull()) return Value();
  if (fn.isObject() && fn.object()->type() == T().staticMethod)
    return VM::current()->call(fn.as<WrapperObject>()->wrapped, args);
  return callMethod(fn, obj, args);
}

int64_t toIndex(const Value& v, const char* what) {
  if (v.isSmallInt() || v.isBool()) return v.smallInt();
  if (isInt(v)) raiseIndexError("cannot fit 'int' into an index-sized integer");
  if (isUserObject(v)) {
    Value r = callSpecial(v, "__index__", {});
    if (!r.isNull()) return toIndex(r, what);
  }
  raiseTypeError("{} must be integers or slices, not {}", what, typeName(v));
}

double toDouble(const Value& v) {
  if (v.isFloat()) return v.real();
  if (isInt(v)) return intToDouble(v);
  if (isUserObject(v)) {
    Value r = callSpecial(v, "__float__", {});
    if (!r.isNull() && r.isFloat()) return r.real();
  }
  raiseTypeError("must be real number, not {}", typeName(v));
}

bool isInstance(const Value& v, TypeObject* type) {
  if (v.isNull()) return false;
  return v.type()->isSubtypeOf(type);
}

int64_t length(const Value& v) {
  switch (layoutOf(v)) {
    case Layout::Str:
      return static_cast<int64_t>(asStr(v)->length());
    case Layout::Bytes:
      return static_cast<int64_t>(v.as<BytesObject>()->data().size());
    case Layout::Tuple:
      return static_cast<int64_t>(v.as<TupleObject>()->size());
    case Layout::List:
      return static_cast<int64_t>(v.as<ListObject>()->size());
    case Layout::Dict:
      return static_cast<int64_t>(v.as<DictObject>()->size());
    case Layout::Set:
      return static_cast<int64_t>(v.as<SetObject>()->size());
    case Layout::Range:
      return v.as<RangeObject>()->length();
    case Layout::DictView:
      return length(dictViewMapping(v));
    default:
      break;
  }
  if (isUserObject(v)) {
    Value r = callSpecial(v, "__len__", {});
    if (!r.isNull()) {
      if (!isInt(r)) raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(r));
      int64_t n = toIndex(r, "__len__");
      if (n < 0) raiseValueError("__len__() should return >= 0");
      return n;
    }
  }
  raiseTypeError("object of type '{}' has no len()", typeName(v));
}

}  // namespace gilsim
