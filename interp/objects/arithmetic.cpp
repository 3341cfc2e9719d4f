// Arithmetic of the object protocol (see operators.h): binaryOp, inplaceOp and unaryOp. The
// built-in types go first (int and float arithmetic, concatenation and repetition of sequences,
// set and dict operators, str and bytes % args), then the user classes' dunders, reflected ones
// included.
#include "interp/objects/operators.h"

#include <cmath>

#include "interp/objects/bytearray_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/formatting.h"
#include "interp/objects/int_object.h"
#include "interp/objects/protocol_internal.h"
#include "interp/objects/set_object.h"
#include "interp/objects/str_object.h"
#include "interp/vm/interpreter.h"  // upward: the run's largest sequence (InterpreterConfig)
#include "interp/vm/vm.h"           // upward: the current VM's interpreter, which holds that limit

namespace gilsim {

namespace {

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
      if (la == Layout::Bytes) {
        if (const std::string* y = bytesLikeData(b)) {  // bytes + bytearray is bytes
          const std::string& x = a.as<BytesObject>()->data();
          checkedLength(static_cast<double>(x.size() + y->size()));
          return makeBytes(x + *y);
        }
      }
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
      if (la == Layout::Bytes) return makeBytes(bytesPercentFormat(a.as<BytesObject>()->data(), b));
      break;
    case BinaryOperator::BitOr:
    case BinaryOperator::BitAnd:
    case BinaryOperator::BitXor:
    case BinaryOperator::Sub:
      if (la == Layout::Set && lb == Layout::Set) return setOp(op, a, b);
      if (op == BinaryOperator::BitOr && la == Layout::Dict && lb == Layout::Dict) {
        Value r = makeDict();
        r.as<DictObject>()->mergeFrom(*a.as<DictObject>());
        r.as<DictObject>()->mergeFrom(*b.as<DictObject>());
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
  if (op == BinaryOperator::Add && isBytes(a))
    raiseTypeError("can't concat {} to bytes", typeName(b));
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

bool isClassOrNone(const Value& v) {
  return v.isNone() || (v.isObject() && v.object()->type()->layout() == Layout::Type);
}

// int | None: a types.UnionType (PEP 604), made by types.py, which also answers its own |.
Value typeUnion(BinaryOperator op, const Value& a, const Value& b) {
  if (op != BinaryOperator::BitOr || !isClassOrNone(a) || !isClassOrNone(b) ||
      (a.isNone() && b.isNone()))
    return Value();
  VM& vm = *VM::current();
  Value types = vm.interp().importModule(vm, "types");
  return vm.call(getAttr(types, "_union"), {a, b});
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
  if (Value r = typeUnion(op, a, b); !r.isNull()) return r;
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
    a.as<DictObject>()->mergeFrom(*b.as<DictObject>());
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

}  // namespace gilsim
