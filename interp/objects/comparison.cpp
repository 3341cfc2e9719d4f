// Comparison and the other questions the object protocol asks of values (see operators.h):
// compare (rich comparison, `is`, `in`), compareBool, equals, lessThan, isCallable, truthy,
// hashValue (CPython's hashes, so hash() and set order match) and contains.
#include "interp/objects/operators.h"

#include <cmath>
#include <vector>

#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/int_object.h"
#include "interp/objects/memoryview_object.h"
#include "interp/objects/native_recursion.h"
#include "interp/objects/protocol_internal.h"
#include "interp/objects/set_object.h"
#include "interp/objects/str_object.h"

namespace gilsim {

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

// The sizes are re-read and each pair held while compared: an item's __eq__ may shrink either
// list and free what it held (CPython's list_richcompare does the same).
bool sequenceCompare(CompareOperator op, const std::vector<Value>& x, const std::vector<Value>& y,
                     Value* result) {
  size_t i = 0;
  for (; i < x.size() && i < y.size(); ++i) {
    Value left = x[i], right = y[i];
    if (!equals(left, right)) {
      if (op == CompareOperator::Eq) {
        *result = Value::boolean(false);
        return true;
      }
      if (op == CompareOperator::NotEq) {
        *result = Value::boolean(true);
        return true;
      }
      *result = compare(op, left, right);
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
      // By index, holding each entry: a key's __eq__ may resize or clear either dict.
      for (size_t i = 0; i < x->entries().size(); ++i) {
        if (x->entries()[i].key.isNull()) continue;
        Value key = x->entries()[i].key, value = x->entries()[i].value;
        Value other = y->get(key);
        if (other.isNull() || !equals(value, other)) {
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
  NativeRecursionGuard guard(kInComparison);
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
  }
  // Built-in values, and the built-in part of instances of subclasses of built-in types.
  if (!(isUserObject(a) && layoutOf(a) == Layout::Object) &&
      !(isUserObject(b) && layoutOf(b) == Layout::Object)) {
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
      return intSign(v) != 0;  // an int subclass's instance may be zero
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

// CPython 3.8+'s tuple hash (xxHash-derived), so hash((1, 2)) matches. Tuples nested in tuples
// are walked with an explicit stack, not the C++ one: CPython hashes nested tuples with no depth
// limit (and overflows its stack past what it holds); gilsim hashes any depth (issue 15).
uint64_t tupleHash(const Value& root) {
  constexpr uint64_t kPrime1 = 11400714785074694791ull;
  constexpr uint64_t kPrime2 = 14029467366897019727ull;
  constexpr uint64_t kPrime5 = 2870177450012600261ull;
  struct Pending {
    const TupleObject* tuple;  // kept alive by its parent (the root by the caller)
    size_t next;
    uint64_t acc;
  };
  std::vector<Pending> stack{{root.as<TupleObject>(), 0, kPrime5}};
  for (;;) {
    Pending& top = stack.back();
    const auto& items = top.tuple->items();
    if (top.next < items.size()) {
      const Value& item = items[top.next++];
      if (item.isObject() && item.type() == T().tuple) {  // exactly tuple: no __hash__ override
        stack.push_back({item.as<TupleObject>(), 0, kPrime5});
        continue;
      }
      uint64_t lane = hashValue(item);
      top.acc += lane * kPrime2;
      top.acc = ((top.acc << 31) | (top.acc >> 33)) * kPrime1;
      continue;
    }
    uint64_t done = top.acc + (items.size() ^ (kPrime5 ^ 3527539ull));
    if (done == ~0ull) done = 1546275796;
    stack.pop_back();
    if (stack.empty()) return done;
    Pending& parent = stack.back();
    parent.acc += done * kPrime2;
    parent.acc = ((parent.acc << 31) | (parent.acc >> 33)) * kPrime1;
  }
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
    case Layout::Tuple:
      return tupleHash(v);
    case Layout::List:
    case Layout::Dict:
      raiseTypeError("unhashable type: '{}'", typeName(v));
    case Layout::Set:
      if (!v.as<SetObject>()->frozen()) raiseTypeError("unhashable type: '{}'", typeName(v));
      {
        // CPython 3.11's frozenset_hash: xor of shuffled entry hashes, then the size, then a
        // final dispersal.
        auto* set = v.as<SetObject>();
        uint64_t h = 0;
        if (set->hashCached(&h)) return h;
        checkNativeStack(kWhileHashing);
        set->forEach([&](const Value& item) {
          uint64_t x = hashValue(item);
          h ^= ((x ^ 89869747ull) ^ (x << 16)) * 3644798167ull;
        });
        h ^= (static_cast<uint64_t>(set->size()) + 1) * 1927868237ull;
        h ^= (h >> 11) ^ (h >> 25);
        h = h * 69069u + 907133923ull;
        if (h == ~0ull) h = 590923713ull;
        set->cacheHash(h);
        return h;
      }
    default:
      break;
  }
  // A read-only view hashes as the bytes it shows (memoryview(b"k") finds b"k" in a dict).
  if (isMemoryView(v)) return memoryViewHash(v);
  if (isUserObject(v)) {
    Value hashFn = lookupSpecial(v, "__hash__");
    if (hashFn.isNone()) raiseTypeError("unhashable type: '{}'", typeName(v));
    // object.__hash__ is the identity hash below; any other __hash__, a native type's too
    // (complex), is called.
    static const Value objectHash = T().object->dict()->getStr("__hash__");
    if (!hashFn.isNull() && !hashFn.identical(objectHash)) {
      Value r = callMethod(hashFn, v, {});
      if (!isInt(r)) raiseTypeError("__hash__ method should return an integer");
      return intHash(r);
    }
  }
  return reinterpret_cast<uintptr_t>(v.object()) >> 4;
}

bool contains(const Value& container, const Value& item) {
  if (builtinOverride(container, "__contains__").isNull()) switch (layoutOf(container)) {
      case Layout::Str:
        if (!isStr(item))
          raiseTypeError("'in <string>' requires string as left operand, not {}", typeName(item));
        return asStr(container)->str().find(asStr(item)->str()) != std::string::npos;
      case Layout::Bytes:
        if (isInt(item)) {
          int64_t b = toIndex(item, "byte");
          return container.as<BytesObject>()->data().find(static_cast<char>(b)) !=
                 std::string::npos;
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
        // Each item held while compared: its __eq__ may shrink the list (CPython re-reads the
        // size).
        for (size_t i = 0; i < container.as<ListObject>()->size(); ++i) {
          Value candidate = container.as<ListObject>()->items()[i];
          if (equals(candidate, item)) return true;
        }
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
  while (iterNextInNativeLoop(it, &v))
    if (equals(v, item)) return true;
  return false;
}

}  // namespace gilsim
