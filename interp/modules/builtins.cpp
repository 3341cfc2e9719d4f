// The builtins module: print, len, sorted, ... and the built-in names of types and exceptions.
#include "interp/modules/builtins.h"

#include <algorithm>
#include <cmath>

#include "interp/modules/builtins_code.h"
#include "interp/modules/file_object.h"
#include "interp/objects/class_object.h"
#include "interp/objects/code.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/float_repr.h"
#include "interp/objects/formatting.h"
#include "interp/objects/int_object.h"
#include "interp/objects/memoryview_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/set_object.h"
#include "interp/objects/type_constructors.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

const BuiltinTypes& T() {
  return builtinTypes();
}

// sys.stdout when a script has replaced it (contextlib.redirect_stdout, a StringIO): print
// writes through its write(); Null while it is still the native stream, which print writes
// to directly. (A native stream put in its place, sys.stdout = sys.stderr, still reads as the
// native stdout.)
Value replacedStdout(VM& vm) {
  Value sys = vm.interp().modules()->getStr("sys");
  if (sys.isNull() || !sys.isObject() || sys.object()->type() != T().module) return Value();
  Value stdoutValue = sys.as<ModuleObject>()->dict()->getStr("stdout");
  if (stdoutValue.isNull() || stdoutValue.isNone()) return stdoutValue;
  if (stdoutValue.isObject() && stdoutValue.object()->type()->moduleName == "_io") return Value();
  return stdoutValue;
}

Value builtinPrint(VM& vm, CallArgs args) {
  std::string sep = " ", end = "\n";
  bool flush = false;
  Value file;
  size_t npos = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "sep") {
      if (!v.isNone() && !isStr(v))
        raiseTypeError("sep must be None or a string, not {}", typeName(v));
      if (isStr(v)) sep = asStr(v)->str();
    } else if (name == "end") {
      if (!v.isNone() && !isStr(v))
        raiseTypeError("end must be None or a string, not {}", typeName(v));
      if (isStr(v)) end = asStr(v)->str();
    } else if (name == "flush") {
      flush = truthy(v);
    } else if (name == "file") {
      file = v;
    } else {
      raiseTypeError("'{}' is an invalid keyword argument for print()", name);
    }
  });
  std::string out;
  for (size_t i = 0; i < npos; ++i) {
    if (i) out += sep;
    out += str(args[i]);
  }
  out += end;
  if (file.isNull() || file.isNone()) file = replacedStdout(vm);
  if (!file.isNull()) {
    if (file.isNone()) return Value::none();  // CPython prints nothing when sys.stdout is None
    Value write = getAttr(file, "write");
    vm.call(write, {makeStr(std::move(out))});
    if (flush) vm.call(getAttr(file, "flush"), {});
    return Value::none();
  }
  vm.interp().writeOut(out);
  if (flush) vm.interp().flushOut();
  return Value::none();
}

Value builtinLen(VM&, CallArgs args) {
  expectArgs("len", args, 1, 1);
  return Value::integer(length(args[0]));
}

Value builtinRepr(VM&, CallArgs args) {
  expectArgs("repr", args, 1, 1);
  return makeStr(repr(args[0]));
}

Value builtinAscii(VM&, CallArgs args) {
  expectArgs("ascii", args, 1, 1);
  return makeStr(ascii(args[0]));
}

bool isClassObject(const Value& v) {
  return v.isObject() && v.object()->type()->layout() == Layout::Type;
}

// A metaclass's __instancecheck__ / __subclasscheck__ (ABCMeta's), or Null.
Value checkHook(const Value& cls, const char* name) {
  if (!cls.isObject() || cls.type()->isBuiltin()) return Value();
  return cls.type()->lookupOverride(name);
}

bool isInstanceOfAny(VM& vm, const Value& v, const Value& classes, int depth) {
  if (isTuple(classes)) {
    if (depth > 1000) raiseRecursionError("maximum recursion depth exceeded in __instancecheck__");
    for (const Value& c : classes.as<TupleObject>()->items())
      if (isInstanceOfAny(vm, v, c, depth + 1)) return true;
    return false;
  }
  if (classes.isObject() && v.type() == classes.object()) return true;  // exact type: no hook
  if (Value hook = checkHook(classes, "__instancecheck__"); !hook.isNull())
    return truthy(vm.call(hook, {classes, v}));
  if (!isClassObject(classes))
    raiseTypeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
  return isInstance(v, classes.as<TypeObject>());
}

bool isSubclassOfAny(VM& vm, const Value& cls, const Value& classes, int depth) {
  if (isTuple(classes)) {
    if (depth > 1000) raiseRecursionError("maximum recursion depth exceeded in __subclasscheck__");
    for (const Value& c : classes.as<TupleObject>()->items())
      if (isSubclassOfAny(vm, cls, c, depth + 1)) return true;
    return false;
  }
  if (Value hook = checkHook(classes, "__subclasscheck__"); !hook.isNull())
    return truthy(vm.call(hook, {classes, cls}));
  if (!isClassObject(classes))
    raiseTypeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
  if (!isClassObject(cls)) raiseTypeError("issubclass() arg 1 must be a class");
  return cls.as<TypeObject>()->isSubtypeOf(classes.as<TypeObject>());
}

Value builtinIsinstance(VM& vm, CallArgs args) {
  expectArgs("isinstance", args, 2, 2);
  return Value::boolean(isInstanceOfAny(vm, args[0], args[1], 0));
}

Value builtinIssubclass(VM& vm, CallArgs args) {
  expectArgs("issubclass", args, 2, 2);
  return Value::boolean(isSubclassOfAny(vm, args[0], args[1], 0));
}

StrObject* attributeName(const Value& v, const char* fn) {
  (void)fn;  // CPython 3.11 names no function here
  if (!isStr(v)) raiseTypeError("attribute name must be string, not '{}'", typeName(v));
  return asStr(v);
}

Value builtinGetattr(VM&, CallArgs args) {
  expectArgs("getattr", args, 2, 3);
  StrObject* name = attributeName(args[1], "getattr");
  if (args.count == 3) {
    try {
      Value v = getAttrOrNull(args[0], name);
      if (!v.isNull()) return v;
      return args[2];
    } catch (PyException& e) {
      if (isInstance(e.exception, T().AttributeError)) return args[2];
      throw;
    }
  }
  return getAttr(args[0], name);
}

Value builtinHasattr(VM&, CallArgs args) {
  expectArgs("hasattr", args, 2, 2);
  StrObject* name = attributeName(args[1], "hasattr");
  try {
    return Value::boolean(!getAttrOrNull(args[0], name).isNull());
  } catch (PyException& e) {
    if (isInstance(e.exception, T().AttributeError)) return Value::boolean(false);
    throw;
  }
}

Value builtinSetattr(VM&, CallArgs args) {
  expectArgs("setattr", args, 3, 3);
  setAttr(args[0], attributeName(args[1], "setattr"), args[2]);
  return Value::none();
}

Value builtinDelattr(VM&, CallArgs args) {
  expectArgs("delattr", args, 2, 2);
  delAttr(args[0], attributeName(args[1], "delattr"));
  return Value::none();
}

Value builtinId(VM&, CallArgs args) {
  expectArgs("id", args, 1, 1);
  const Value& v = args[0];
  if (v.isObject())
    return Value::integer(static_cast<int64_t>(reinterpret_cast<uintptr_t>(v.object())));
  return Value::integer(static_cast<int64_t>(hashValue(v) & 0x7fffffffffff));
}

Value builtinHash(VM&, CallArgs args) {
  expectArgs("hash", args, 1, 1);
  return Value::integer(static_cast<int64_t>(hashValue(args[0])));
}

Value builtinIter(VM& vm, CallArgs args) {
  expectArgs("iter", args, 1, 2);
  if (args.count == 2) {
    Value callable = args[0], sentinel = args[1];
    return Value::steal(new IteratorObject(
        "callable_iterator",
        [&vm, callable, sentinel](Value* out) {
          Value v = vm.call(callable, {});
          if (equals(v, sentinel)) return false;
          *out = std::move(v);
          return true;
        },
        callable));
  }
  return getIter(args[0]);
}

Value builtinNext(VM& vm, CallArgs args) {
  expectArgs("next", args, 1, 2);
  const Value& it = args[0];
  bool isIterator = it.type()->layout() == Layout::Iterator ||
                    it.type()->layout() == Layout::Generator || it.type()->iterNextSlot ||
                    !it.type()->lookup("__next__").isNull();
  if (!isIterator) raiseTypeError("'{}' object is not an iterator", typeName(it));
  Value out;
  if (it.type() == T().generator) {
    // The generator's own __next__: its StopIteration carries the return value.
    if (args.count == 1) return vm.call(T().generator->dict()->getStr("__next__"), {it});
  }
  if (iterNext(it, &out)) return out;
  if (args.count == 2) return args[1];
  raiseException(newException(T().StopIteration, std::vector<Value>{}));
}

Value builtinAbs(VM&, CallArgs args) {
  expectArgs("abs", args, 1, 1);
  const Value& x = args[0];
  if (isInt(x)) return intSign(x) < 0 ? intNeg(x) : (x.isBool() ? Value::integer(x.smallInt()) : x);
  if (x.isFloat()) return Value::real(std::fabs(x.real()));
  Value r = callSpecial(x, "__abs__", {});
  if (!r.isNull()) return r;
  raiseTypeError("bad operand type for abs(): '{}'", typeName(x));
}

Value builtinRound(VM&, CallArgs args) {
  Value x, ndigits;
  size_t npos = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "ndigits")
      ndigits = v;
    else if (name == "number")
      x = v;
    else
      raiseTypeError("round() got an unexpected keyword argument '{}'", name);
  });
  if (npos >= 1) x = args[0];
  if (npos >= 2) ndigits = args[1];
  if (npos > 2) raiseTypeError("round() takes at most 2 arguments ({} given)", npos);
  if (x.isNull()) raiseTypeError("round() missing required argument 'number' (pos 1)");
  bool noDigits = ndigits.isNull() || ndigits.isNone();
  if (isInt(x)) {
    if (noDigits) return x.isBool() ? Value::integer(x.smallInt()) : x;
    int64_t nd = toIndex(ndigits, "ndigits");
    if (nd >= 0) return x;
    // Round half to even at 10**-nd.
    Value pow10 = intPow(Value::integer(10), Value::integer(-nd));
    Value half = intFloorDiv(pow10, Value::integer(2));
    Value q = intFloorDiv(x, pow10);
    Value r = intMod(x, pow10);
    int c = intCompare(r, half);
    if (c > 0 || (c == 0 && intSign(intMod(q, Value::integer(2))) != 0))
      q = intAdd(q, Value::integer(1));
    return intMul(q, pow10);
  }
  if (x.isFloat()) {
    double v = x.real();
    if (noDigits) {
      if (std::isinf(v)) raiseOverflowError("cannot convert float infinity to integer");
      if (std::isnan(v)) raiseValueError("cannot convert float NaN to integer");
      double r = std::nearbyint(v);  // default rounding mode: half to even
      return intFromDouble(r);
    }
    int64_t nd = toIndex(ndigits, "ndigits");
    if (std::isinf(v) || std::isnan(v) || v == 0) return x;
    if (nd > 323) return x;
    if (nd < -308) return Value::real(0.0 * v);
    // Correctly rounded via the decimal string, as CPython does.
    std::string s = doubleToString(v, 'f', static_cast<int>(std::max<int64_t>(nd, 0)), 0);
    if (nd >= 0) return Value::real(std::strtod(s.c_str(), nullptr));
    double p = std::pow(10.0, static_cast<double>(-nd));
    double y = std::nearbyint(v / p) * p;
    return Value::real(y);
  }
  Value r =
      ndigits.isNull() ? callSpecial(x, "__round__", {}) : callSpecial(x, "__round__", {ndigits});
  if (!r.isNull()) return r;
  raiseTypeError("type {} doesn't define __round__ method", typeName(x));
}

Value builtinDivmod(VM&, CallArgs args) {
  expectArgs("divmod", args, 2, 2);
  return makeTuple({binaryOp(BinaryOperator::FloorDiv, args[0], args[1]),
                    binaryOp(BinaryOperator::Mod, args[0], args[1])});
}

Value builtinPow(VM&, CallArgs args) {
  expectArgs("pow", args, 2, 3);
  if (args.count == 3 && !args[2].isNone()) {
    if (!isInt(args[0]) || !isInt(args[1]) || !isInt(args[2]))
      raiseTypeError("pow() 3rd argument not allowed unless all arguments are integers");
    return intPowMod(args[0], args[1], args[2]);
  }
  return binaryOp(BinaryOperator::Pow, args[0], args[1]);
}

Value minMax(VM& vm, CallArgs args, bool wantMax) {
  const char* name = wantMax ? "max" : "min";
  Value key, dflt;
  size_t npos = forEachKeyword(args, [&](std::string_view k, const Value& v) {
    if (k == "key")
      key = v;
    else if (k == "default")
      dflt = v;
    else
      raiseTypeError("'{}' is an invalid keyword argument for {}()", k, name);
  });
  if (npos == 0) raiseTypeError("{} expected at least 1 argument, got 0", name);
  if (npos > 1 && !dflt.isNull())
    raiseTypeError("Cannot specify a default for {}() with multiple positional arguments", name);
  // One item at a time from the iterator, as CPython's min_max: a comparison that shrinks the
  // list being scanned ends the scan there instead of reading a stale copy. `k > best` for max
  // and `k < best` for min, the operators CPython asks.
  Value it =
      getIter(npos == 1 ? args[0] : makeTuple(std::vector<Value>(args.args, args.args + npos)));
  bool useKey = !key.isNull() && !key.isNone();
  Value best, bestKey, item;
  while (iterNextInNativeLoop(it, &item)) {
    Value k = useKey ? vm.call(key, {item}) : item;
    if (best.isNull() ||
        compareBool(wantMax ? CompareOperator::Gt : CompareOperator::Lt, k, bestKey)) {
      best = item;
      bestKey = k;
    }
  }
  if (best.isNull()) {
    if (!dflt.isNull()) return dflt;
    raiseValueError("{}() arg is an empty sequence", name);
  }
  return best;
}

Value builtinMin(VM& vm, CallArgs args) {
  return minMax(vm, args, false);
}
Value builtinMax(VM& vm, CallArgs args) {
  return minMax(vm, args, true);
}

Value builtinSum(VM&, CallArgs args) {
  Value start = Value::integer(0);
  size_t npos = forEachKeyword(args, [&](std::string_view k, const Value& v) {
    if (k == "start")
      start = v;
    else
      raiseTypeError("sum() got an unexpected keyword argument '{}'", k);
  });
  if (npos < 1 || npos > 2) raiseTypeError("sum() takes at most 2 arguments ({} given)", npos);
  if (npos == 2) start = args[1];
  if (isStr(start)) raiseTypeError("sum() can't sum strings [use ''.join(seq) instead]");
  Value total = start;
  Value it = getIter(args[0]);
  Value v;
  while (iterNextInNativeLoop(it, &v)) {
    if (total.isSmallInt() && v.isSmallInt()) {
      int64_t r;
      if (!__builtin_add_overflow(total.smallInt(), v.smallInt(), &r)) {
        total = Value::integer(r);
        continue;
      }
    }
    total = binaryOp(BinaryOperator::Add, total, v);
  }
  return total;
}

Value builtinAny(VM&, CallArgs args) {
  expectArgs("any", args, 1, 1);
  Value it = getIter(args[0]);
  Value v;
  while (iterNextInNativeLoop(it, &v))
    if (truthy(v)) return Value::boolean(true);
  return Value::boolean(false);
}

Value builtinAll(VM&, CallArgs args) {
  expectArgs("all", args, 1, 1);
  Value it = getIter(args[0]);
  Value v;
  while (iterNextInNativeLoop(it, &v))
    if (!truthy(v)) return Value::boolean(false);
  return Value::boolean(true);
}

Value builtinSorted(VM& vm, CallArgs args) {
  if (args.positionalCount() != 1)
    raiseTypeError("sorted expected 1 argument, got {}", args.positionalCount());
  Value list = makeList(toVector(args[0]));
  std::vector<Value> all;
  all.push_back(list);
  for (size_t i = 1; i < args.count; ++i)
    all.push_back(args[i]);
  vm.call(T().list->lookup("sort"), CallArgs{all.data(), all.size(), args.kwnames});
  return list;
}

Value builtinReversed(VM&, CallArgs args) {
  expectArgs("reversed", args, 1, 1);
  const Value& seq = args[0];
  if (seq.isObject() && !seq.object()->type()->isBuiltin()) {
    Value r = callSpecial(seq, "__reversed__", {});
    if (!r.isNull()) return r;
  }
  Layout layout = seq.type()->layout();
  if (layout == Layout::Dict) return reversedDict(seq, DictViewKind::Keys);
  if (layout == Layout::DictView) {
    const auto* view = seq.as<DictViewObject>();
    return reversedDict(view->dict, view->kind);
  }
  if (layout == Layout::Set || layout == Layout::Iterator)
    raiseTypeError("'{}' object is not reversible", typeName(seq));
  int64_t index = length(seq);
  return Value::steal(new IteratorObject(
      isList(seq) ? "list_reverseiterator" : "reversed",
      [seq, index](Value* out) mutable {
        if (index <= 0) return false;
        --index;
        if (index >= length(seq)) return false;
        *out = getItem(seq, Value::integer(index));
        return true;
      },
      seq));
}

Value builtinEnumerate(VM&, CallArgs args) {
  Value iterable, start = Value::integer(0);
  size_t npos = forEachKeyword(args, [&](std::string_view k, const Value& v) {
    if (k == "start")
      start = v;
    else if (k == "iterable")
      iterable = v;
    else
      raiseTypeError("'{}' is an invalid keyword argument for enumerate()", k);
  });
  if (npos >= 1) iterable = args[0];
  if (npos >= 2) start = args[1];
  if (npos > 2) raiseTypeError("enumerate() takes at most 2 arguments ({} given)", npos);
  if (iterable.isNull()) raiseTypeError("enumerate() missing required argument 'iterable' (pos 1)");
  if (!isInt(start))
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(start));
  Value it = getIter(iterable);
  Value counter = start;
  return Value::steal(new IteratorObject(
      "enumerate",
      [it, counter](Value* out) mutable {
        Value v;
        if (!iterNext(it, &v)) return false;
        *out = makeTuple({counter, std::move(v)});
        counter = intAdd(counter, Value::integer(1));
        return true;
      },
      it));
}

Value builtinZip(VM&, CallArgs args) {
  bool strict = false;
  size_t npos = forEachKeyword(args, [&](std::string_view k, const Value& v) {
    if (k == "strict")
      strict = truthy(v);
    else
      raiseTypeError("zip() got an unexpected keyword argument '{}'", k);
  });
  std::vector<Value> iterators;
  for (size_t i = 0; i < npos; ++i)
    iterators.push_back(getIter(args[i]));
  return Value::steal(new IteratorObject("zip", [iterators, strict](Value* out) {
    if (iterators.empty()) return false;
    std::vector<Value> items;
    for (size_t i = 0; i < iterators.size(); ++i) {
      Value v;
      if (!iterNext(iterators[i], &v)) {
        if (strict && i > 0) raiseValueError("zip() argument {} is shorter than argument 1", i + 1);
        return false;
      }
      items.push_back(std::move(v));
    }
    *out = makeTuple(std::move(items));
    return true;
  }));
}

Value builtinMap(VM& vm, CallArgs args) {
  if (args.count < 2) raiseTypeError("map() must have at least two arguments.");
  Value fn = args[0];
  std::vector<Value> iterators;
  for (size_t i = 1; i < args.count; ++i)
    iterators.push_back(getIter(args[i]));
  return Value::steal(new IteratorObject("map", [&vm, fn, iterators](Value* out) {
    std::vector<Value> items;
    for (const Value& it : iterators) {
      Value v;
      if (!iterNext(it, &v)) return false;
      items.push_back(std::move(v));
    }
    *out = vm.call(fn, CallArgs{items.data(), items.size(), nullptr});
    return true;
  }));
}

Value builtinFilter(VM& vm, CallArgs args) {
  expectArgs("filter", args, 2, 2);
  Value fn = args[0];
  Value it = getIter(args[1]);
  return Value::steal(new IteratorObject("filter", [&vm, fn, it](Value* out) {
    Value v;
    while (iterNextInNativeLoop(it, &v)) {
      bool keep = fn.isNone() ? truthy(v) : truthy(vm.call(fn, {v}));
      if (keep) {
        *out = std::move(v);
        return true;
      }
    }
    return false;
  }));
}

Value builtinChr(VM&, CallArgs args) {
  expectArgs("chr", args, 1, 1);
  if (!isInt(args[0]))
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(args[0]));
  int64_t c;
  if (!intFitsInt64(args[0], &c) || c < 0 || c > 0x10FFFF)
    raiseValueError("chr() arg not in range(0x110000)");
  std::string out;
  appendUtf8(out, static_cast<uint32_t>(c));
  return makeStr(std::move(out));
}

Value builtinOrd(VM&, CallArgs args) {
  expectArgs("ord", args, 1, 1);
  if (isBytes(args[0])) {
    const std::string& b = args[0].as<BytesObject>()->data();
    if (b.size() != 1)
      raiseTypeError("ord() expected a character, but string of length {} found", b.size());
    return Value::integer(static_cast<unsigned char>(b[0]));
  }
  if (!isStr(args[0]))
    raiseTypeError("ord() expected string of length 1, but {} found", typeName(args[0]));
  StrObject* s = asStr(args[0]);
  if (s->length() != 1)
    raiseTypeError("ord() expected a character, but string of length {} found", s->length());
  size_t pos = 0;
  return Value::integer(decodeUtf8At(s->str(), pos));
}

Value baseConversion(CallArgs args, const char* name, int base) {
  expectArgs(name, args, 1, 1);
  Value x = args[0];
  if (!isInt(x)) {
    if (x.isObject() && !x.object()->type()->isBuiltin()) {
      Value r = callSpecial(x, "__index__", {});
      if (!r.isNull()) x = r;
    }
    if (!isInt(x))
      raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(args[0]));
  }
  return makeStr(intToBase(x, base, true));
}
Value builtinBin(VM&, CallArgs args) {
  return baseConversion(args, "bin", 2);
}
Value builtinOct(VM&, CallArgs args) {
  return baseConversion(args, "oct", 8);
}
Value builtinHex(VM&, CallArgs args) {
  return baseConversion(args, "hex", 16);
}

Value builtinFormat(VM&, CallArgs args) {
  expectArgs("format", args, 1, 2);
  std::string spec;
  if (args.count == 2) {
    if (!isStr(args[1]))
      raiseTypeError("format() argument 2 must be str, not {}", typeName(args[1]));
    spec = asStr(args[1])->str();
  }
  return makeStr(formatValue(args[0], spec));
}

Value builtinCallable(VM&, CallArgs args) {
  expectArgs("callable", args, 1, 1);
  return Value::boolean(isCallable(args[0]));
}

// open() with every argument of CPython's (file_object.cpp).
Value builtinOpen(VM& vm, CallArgs args) {
  return builtinOpenFile(vm, args);
}

Value builtinExit(VM&, CallArgs args) {
  std::vector<Value> exitArgs(args.args, args.args + args.positionalCount());
  raiseException(newException(T().SystemExit, std::move(exitArgs)));
}

Value builtinInput(VM& vm, CallArgs args) {
  expectArgs("input", args, 0, 1);
  if (args.count) vm.interp().writeOut(str(args[0]));
  vm.interp().flushOut();
  std::string line;
  int c;
  while ((c = std::fgetc(stdin)) != EOF && c != '\n')
    line.push_back(static_cast<char>(c));
  if (c == EOF && line.empty())
    raiseException(newException(T().Exception, "EOF when reading a line"));
  return makeStr(std::move(line));
}

}  // namespace

void populateBuiltins(DictObject* d) {
  const BuiltinTypes& t = T();
  struct Fn {
    const char* name;
    NativeFn fn;
  };
  for (const Fn& f : {Fn{"print", builtinPrint},
                      Fn{"len", builtinLen},
                      Fn{"repr", builtinRepr},
                      Fn{"ascii", builtinAscii},
                      Fn{"isinstance", builtinIsinstance},
                      Fn{"issubclass", builtinIssubclass},
                      Fn{"getattr", builtinGetattr},
                      Fn{"hasattr", builtinHasattr},
                      Fn{"setattr", builtinSetattr},
                      Fn{"delattr", builtinDelattr},
                      Fn{"id", builtinId},
                      Fn{"hash", builtinHash},
                      Fn{"iter", builtinIter},
                      Fn{"next", builtinNext},
                      Fn{"abs", builtinAbs},
                      Fn{"round", builtinRound},
                      Fn{"divmod", builtinDivmod},
                      Fn{"pow", builtinPow},
                      Fn{"min", builtinMin},
                      Fn{"max", builtinMax},
                      Fn{"sum", builtinSum},
                      Fn{"any", builtinAny},
                      Fn{"all", builtinAll},
                      Fn{"sorted", builtinSorted},
                      Fn{"reversed", builtinReversed},
                      Fn{"enumerate", builtinEnumerate},
                      Fn{"zip", builtinZip},
                      Fn{"map", builtinMap},
                      Fn{"filter", builtinFilter},
                      Fn{"chr", builtinChr},
                      Fn{"ord", builtinOrd},
                      Fn{"bin", builtinBin},
                      Fn{"oct", builtinOct},
                      Fn{"hex", builtinHex},
                      Fn{"format", builtinFormat},
                      Fn{"callable", builtinCallable},
                      Fn{"open", builtinOpen},
                      Fn{"__build_class__", buildClass},
                      Fn{"exit", builtinExit},
                      Fn{"quit", builtinExit},
                      Fn{"input", builtinInput}})
    d->setStr(f.name, makeNative(f.name, f.fn));
  struct Type {
    const char* name;
    TypeObject* type;
  };
  for (const Type& ty :
       {Type{"object", t.object}, Type{"type", t.type}, Type{"int", t.int_}, Type{"bool", t.bool_},
        Type{"float", t.float_}, Type{"str", t.str}, Type{"bytes", t.bytes}, Type{"list", t.list},
        Type{"tuple", t.tuple}, Type{"dict", t.dict}, Type{"set", t.set},
        Type{"frozenset", t.frozenset}, Type{"range", t.range}, Type{"slice", t.slice},
        Type{"super", t.superType}, Type{"property", t.property},
        Type{"staticmethod", t.staticMethod}, Type{"classmethod", t.classMethod}})
    d->setStr(ty.name, Value::borrow(ty.type));
  d->setStr("memoryview", Value::borrow(memoryViewType()));
#define GILSIM_EXCEPTION_BUILTIN(name, base) d->setStr(#name, Value::borrow(t.name));
  GILSIM_EXCEPTION_TYPES(GILSIM_EXCEPTION_BUILTIN)
#undef GILSIM_EXCEPTION_BUILTIN
  d->setStr("EnvironmentError", Value::borrow(t.OSError));
  d->setStr("IOError", Value::borrow(t.OSError));
  d->setStr("NotImplemented", Value::borrow(t.notImplemented));
  d->setStr("Ellipsis", Value::borrow(t.ellipsis));
  d->setStr("__name__", makeStr("builtins"));
  populateCodeBuiltins(d);
}

}  // namespace gilsim
