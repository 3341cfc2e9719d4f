#include "interp/objects/type_constructors.h"

#include "interp/objects/descriptors.h"

#include <cmath>
#include <cstdlib>

#include "interp/common/unicode.h"
#include "interp/objects/builtin_methods.h"
#include "interp/objects/bytearray_object.h"
#include "interp/objects/class_object.h"
#include "interp/objects/code.h"
#include "interp/objects/codecs.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/float_repr.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/set_object.h"
#include "interp/vm/interpreter.h"  // upward: the run's largest sequence (InterpreterConfig)
#include "interp/vm/vm.h"  // upward: __init__ runs Python code; super() reads the caller's frame

namespace gilsim {

SuperObject::SuperObject(Value t, Value o)
    : TrackedObject(builtinTypes().superType), type(std::move(t)), obj(std::move(o)) {}

void SuperObject::clearReferences() {
  type = Value();
  obj = Value();
}

// The built-in type whose constructor a (possibly user) class inherits.
TypeObject* builtinBase(TypeObject* type) {
  while (type && !type->isBuiltin())
    type = type->base();
  return type;
}

namespace {

const BuiltinTypes& T() {
  return builtinTypes();
}

// int() and float() read any Unicode decimal digit and whitespace, as CPython does.
std::string numericText(const StrObject* s) {
  return s->isAscii() ? s->str() : decimalAndSpaceToAscii(s->str());
}

Value constructInt(VM&, TypeObject*, CallArgs args) {
  Value x;
  Value base;
  size_t npos = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "base")
      base = v;
    else
      raiseTypeError("'{}' is an invalid keyword argument for int()", name);
  });
  if (npos > 2) raiseTypeError("int() takes at most 2 arguments ({} given)", npos);
  if (npos >= 1) x = args[0];
  if (npos == 2) base = args[1];
  if (x.isNull()) return Value::integer(0);
  if (!base.isNull()) {
    if (!isStr(x) && !isBytes(x))
      raiseTypeError("int() can't convert non-string with explicit base");
    int64_t b = toIndex(base, "base");
    if (b != 0 && (b < 2 || b > 36)) raiseValueError("int() base must be >= 2 and <= 36, or 0");
    std::string text = isStr(x) ? numericText(asStr(x)) : x.as<BytesObject>()->data();
    Value out;
    if (!parseInt(text, static_cast<int>(b), &out))
      raiseValueError("invalid literal for int() with base {}: {}", b, repr(x));
    return out;
  }
  if (isInt(x)) return exactInt(x);
  if (x.isFloat()) return intFromDouble(x.real());
  if (isStr(x) || isBytes(x)) {
    std::string text = isStr(x) ? numericText(asStr(x)) : x.as<BytesObject>()->data();
    Value out;
    if (!parseInt(text, 10, &out))
      raiseValueError("invalid literal for int() with base 10: {}", repr(x));
    return out;
  }
  if (x.isObject() && !x.object()->type()->isBuiltin()) {
    for (const char* hook : {"__int__", "__index__", "__trunc__"}) {
      Value r = callSpecial(x, hook, {});
      if (!r.isNull()) return r;
    }
  }
  raiseTypeError("int() argument must be a string, a bytes-like object or a real number, not '{}'",
                 typeName(x));
}

Value constructFloat(VM&, TypeObject*, CallArgs args) {
  expectArgs("float", args, 0, 1);
  if (args.count == 0) return Value::real(0.0);
  const Value& x = args[0];
  if (x.isFloat()) return x;
  if (isInt(x)) return Value::real(intToDouble(x));
  if (isStr(x)) {
    std::string text = numericText(asStr(x));
    size_t b = text.find_first_not_of(" \t\n\r\f\v");
    size_t e = text.find_last_not_of(" \t\n\r\f\v");
    std::string t = b == std::string::npos ? "" : text.substr(b, e - b + 1);
    std::string cleaned;
    bool ok = !t.empty();
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '_') {
        if (i == 0 || i + 1 >= t.size() || !std::isdigit(static_cast<unsigned char>(t[i - 1])) ||
            !std::isdigit(static_cast<unsigned char>(t[i + 1])))
          ok = false;
        continue;
      }
      cleaned += t[i];
    }
    std::string lower;
    for (char c : cleaned)
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string unsignedPart = lower;
    if (!unsignedPart.empty() && (unsignedPart[0] == '+' || unsignedPart[0] == '-'))
      unsignedPart.erase(0, 1);
    if (unsignedPart == "inf" || unsignedPart == "infinity" || unsignedPart == "nan") {
      double v = unsignedPart == "nan" ? NAN : INFINITY;
      return Value::real(lower[0] == '-' ? -v : v);
    }
    if (ok) {
      // Only Python's float syntax: digits, one point, an exponent; no hex, no "inf" spellings.
      for (char c : lower)
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == '+' ||
              c == '-'))
          ok = false;
    }
    if (ok) {
      char* end = nullptr;
      double v = std::strtod(cleaned.c_str(), &end);
      if (end && *end == '\0' && end != cleaned.c_str()) return Value::real(v);
    }
    raiseValueError("could not convert string to float: {}", repr(x));
  }
  if (x.isObject() && !x.object()->type()->isBuiltin()) {
    Value r = callSpecial(x, "__float__", {});
    if (!r.isNull()) return r;
  }
  raiseTypeError("float() argument must be a string or a real number, not '{}'", typeName(x));
}

Value constructStr(VM&, TypeObject*, CallArgs args) {
  // str(object='') or str(object=b'', encoding='utf-8', errors='strict')
  Value x;
  bool decoding = false;
  size_t npos = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "object")
      x = v;
    else if (name == "encoding" || name == "errors")
      decoding = true;
    else
      raiseTypeError("'{}' is an invalid keyword argument for str()", name);
  });
  if (npos > 3) raiseTypeError("str() takes at most 3 arguments ({} given)", npos);
  if (npos >= 1) x = args[0];
  if (npos >= 2) decoding = true;
  if (x.isNull()) return makeStr("");
  if (decoding) {
    if (!isBytes(x)) raiseTypeError("decoding str is not supported");
    // encoding and errors from position 1 on (codecArguments skips str's 'object' keyword)
    const CodecChoice c = codecArguments(args, 1, "str");
    return makeStr(decodeBytes(x.as<BytesObject>()->data(), c.codec, c.errors));
  }
  return makeStr(str(x));
}

Value constructBool(VM&, TypeObject*, CallArgs args) {
  expectArgs("bool", args, 0, 1);
  return Value::boolean(args.count && truthy(args[0]));
}

Value constructBytes(VM&, TypeObject*, CallArgs args) {
  expectArgs("bytes", args, 0, 3);
  if (args.count == 0) return makeBytes("");
  const Value& x = args[0];
  if (isStr(x)) {
    if (args.count < 2) raiseTypeError("string argument without an encoding");
    return makeBytes(asStr(x)->str());
  }
  if (isInt(x)) {
    int64_t n = toIndex(x, "count");
    if (n < 0) raiseValueError("negative count");
    if (n > static_cast<int64_t>(VM::current()->interp().config().maxSequenceLength))
      raiseMemoryError("");
    return makeBytes(std::string(static_cast<size_t>(n), '\0'));
  }
  if (isBytes(x)) return x.type() == T().bytes ? x : makeBytes(x.as<BytesObject>()->data());
  if (isByteArray(x)) return makeBytes(x.as<ByteArrayObject>()->data);
  if (x.isObject() && !x.type()->isBuiltin()) {
    Value r = callSpecial(x, "__bytes__", {});
    if (!r.isNull()) {
      if (!isBytes(r)) raiseTypeError("__bytes__ returned non-bytes (type {})", typeName(r));
      return r;
    }
  }
  std::string out;
  for (const Value& v : toVector(x)) {
    int64_t b = toIndex(v, "bytes");
    if (b < 0 || b > 255) raiseValueError("bytes must be in range(0, 256)");
    out += static_cast<char>(b);
  }
  return makeBytes(std::move(out));
}

Value constructList(VM&, TypeObject*, CallArgs args) {
  expectArgs("list", args, 0, 1);
  if (args.count == 0) return makeList();
  return makeList(toVector(args[0]));
}

Value constructTuple(VM&, TypeObject*, CallArgs args) {
  expectArgs("tuple", args, 0, 1);
  if (args.count == 0) return makeTuple({});
  // An exact tuple is returned as is; a subclass's instance gives a plain tuple, as in CPython.
  if (args[0].type() == T().tuple) return args[0];
  return makeTuple(toVector(args[0]));
}

Value constructDict(VM& vm, TypeObject*, CallArgs args) {
  Value d = makeDict();
  // Reuse dict.update's argument handling.
  std::vector<Value> all;
  all.push_back(d);
  for (size_t i = 0; i < args.count; ++i)
    all.push_back(args[i]);
  Value update = T().dict->lookup("update");
  vm.call(update, CallArgs{all.data(), all.size(), args.kwnames});
  return d;
}

Value constructSet(VM&, TypeObject* type, CallArgs args) {
  bool frozen = type == T().frozenset;
  expectArgs(frozen ? "frozenset" : "set", args, 0, 1);
  Value s = makeSet(frozen);
  if (args.count) {
    for (const Value& v : toVector(args[0]))
      s.as<SetObject>()->add(v);
  }
  return s;
}

Value constructRange(VM&, TypeObject*, CallArgs args) {
  expectArgs("range", args, 1, 3);
  int64_t values[3];
  for (size_t i = 0; i < args.count; ++i) {
    if (!isInt(args[i])) {
      if (args[i].isObject() && !args[i].object()->type()->isBuiltin() &&
          !lookupSpecial(args[i], "__index__").isNull()) {
        values[i] = toIndex(callSpecial(args[i], "__index__", {}), "range");
        continue;
      }
      raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(args[i]));
    }
    if (!intFitsInt64(args[i], &values[i])) {
      Value start = args.count == 1 ? Value::integer(0) : args[0];
      Value stop = args.count == 1 ? args[0] : args[1];
      Value step = args.count == 3 ? args[2] : Value::integer(1);
      for (const Value* v : {&start, &stop, &step})
        if (!isInt(*v))
          raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(*v));
      if (intSign(step) == 0) raiseValueError("range() arg 3 must not be zero");
      auto* r = new RangeObject(0, 0, 1);
      r->big = true;
      r->bigStart = start;
      r->bigStop = stop;
      r->bigStep = step;
      return Value::steal(r);
    }
  }
  int64_t start = 0, stop, step = 1;
  if (args.count == 1) {
    stop = values[0];
  } else {
    start = values[0];
    stop = values[1];
    if (args.count == 3) step = values[2];
  }
  if (step == 0) raiseValueError("range() arg 3 must not be zero");
  return Value::steal(new RangeObject(start, stop, step));
}

Value constructSlice(VM&, TypeObject*, CallArgs args) {
  expectArgs("slice", args, 1, 3);
  if (args.count == 1) return Value::steal(new SliceObject(Value::none(), args[0], Value::none()));
  return Value::steal(new SliceObject(args[0], args[1], args.count > 2 ? args[2] : Value::none()));
}

Value constructObject(VM&, TypeObject* type, CallArgs args) {
  if (args.count) raiseTypeError("object() takes no arguments");
  return Value::steal(new InstanceObject(type));
}

Value constructSuper(VM& vm, TypeObject*, CallArgs args) {
  expectArgs("super", args, 0, 2);
  if (args.count == 2) return Value::steal(new SuperObject(args[0], args[1]));
  // Zero-argument form: the calling frame's __class__ cell and its first argument.
  Frame* frame = vm.currentFrame();
  if (!frame || !frame->code) raiseRuntimeError("super(): no arguments");
  CodeObject* code = frame->code;
  if (code->argCount == 0 || frame->base[0].isNull()) raiseRuntimeError("super(): no arguments");
  Value self = frame->base[0];
  if (self.isObject() && self.object()->type() == T().cell) self = self.as<CellObject>()->value;
  int nlocals = static_cast<int>(code->varnames.size() + code->cellvars.size());
  for (size_t i = 0; i < code->freevars.size(); ++i) {
    if (code->freevars[i] == "__class__") {
      Value cell = frame->base[nlocals + static_cast<int>(i)];
      Value cls = cell.as<CellObject>()->value;
      if (cls.isNull()) raiseRuntimeError("super(): empty __class__ cell");
      return Value::steal(new SuperObject(cls, self));
    }
  }
  raiseRuntimeError("super(): __class__ cell not found");
}

}  // namespace

Value constructException(VM& vm, TypeObject* type, CallArgs args) {
  size_t count = args.positionalCount();
  // OSError(2, 'No such file') is a FileNotFoundError, as CPython makes it.
  if (type == T().OSError && count >= 2 && isInt(args[0]) && !args[0].isBool()) {
    int64_t err;
    if (intFitsInt64(args[0], &err) && err >= 0 && err < 4096)
      type = osErrorTypeFor(static_cast<int>(err));
  }
  auto* e = new ExceptionObject(type);
  Value result = Value::steal(e);
  e->args = makeTuple(std::vector<Value>(args.args, args.args + count));
  if (type->isSubtypeOf(T().OSError)) initOsErrorFields(e, args.args, count);
  (void)vm;
  return result;
}

namespace {

Value objectEq(VM&, CallArgs args) {
  if (args.count != 2) raiseTypeError("expected 1 argument");
  if (args[0].identical(args[1])) return Value::boolean(true);
  return Value::steal(T().notImplemented);
}

Value objectNe(VM&, CallArgs args) {
  if (args.count != 2) raiseTypeError("expected 1 argument");
  Value eq = compare(CompareOperator::Eq, args[0], args[1]);
  return Value::boolean(!truthy(eq));
}

Value objectHash(VM&, CallArgs args) {
  return Value::integer(static_cast<int64_t>(reinterpret_cast<uintptr_t>(args[0].object()) >> 4));
}

Value objectRepr(VM&, CallArgs args) {
  const Value& self = args[0];
  TypeObject* type = self.type();
  std::string module = type->moduleName == "builtins" ? "" : type->moduleName + ".";
  return makeStr(
      fmt::format("<{}{} object at 0x{:012x}>", module, type->name(),
                  reinterpret_cast<uintptr_t>(self.isObject() ? self.object() : nullptr)));
}

Value objectStr(VM&, CallArgs args) {
  return makeStr(repr(args[0]));
}

// The name argument of object's attribute methods, called with `count` arguments, self included.
StrObject* attributeName(const CallArgs& args, size_t count) {
  if (args.count != count)
    raiseTypeError("expected {} arguments, got {}", count - 1, args.count - 1);
  if (!isStr(args[1])) raiseTypeError("attribute name must be string, not '{}'", typeName(args[1]));
  return asStr(args[1]);
}

Value objectGetAttribute(VM&, CallArgs args) {
  StrObject* name = attributeName(args, 2);
  Value v = genericGetAttrOrNull(args[0], name);
  if (v.isNull())
    raiseAttributeError("'{}' object has no attribute '{}'", typeName(args[0]), name->view());
  return v;
}

Value objectSetAttr(VM&, CallArgs args) {
  genericSetAttr(args[0], attributeName(args, 3), args[2]);
  return Value::none();
}

Value objectDelAttr(VM&, CallArgs args) {
  genericDelAttr(args[0], attributeName(args, 2));
  return Value::none();
}

}  // namespace

void registerObjectMethods(BuiltinTypes& t) {
  DictObject* d = t.object->dict();
  d->setStr("__getattribute__", makeNativeMethod("__getattribute__", objectGetAttribute, "object"));
  d->setStr("__setattr__", makeNativeMethod("__setattr__", objectSetAttr, "object"));
  d->setStr("__delattr__", makeNativeMethod("__delattr__", objectDelAttr, "object"));
  d->setStr("__eq__", makeNativeMethod("__eq__", objectEq, "object"));
  d->setStr("__ne__", makeNativeMethod("__ne__", objectNe, "object"));
  d->setStr("__hash__", makeNativeMethod("__hash__", objectHash, "object"));
  d->setStr("__repr__", makeNativeMethod("__repr__", objectRepr, "object"));
  d->setStr("__str__", makeNativeMethod("__str__", objectStr, "object"));
}

void registerConstructors(BuiltinTypes& t) {
  t.int_->newFn = constructInt;
  t.bool_->newFn = constructBool;
  t.float_->newFn = constructFloat;
  t.str->newFn = constructStr;
  t.bytes->newFn = constructBytes;
  t.list->newFn = constructList;
  t.tuple->newFn = constructTuple;
  t.dict->newFn = constructDict;
  t.set->newFn = constructSet;
  t.frozenset->newFn = constructSet;
  t.range->newFn = constructRange;
  t.slice->newFn = constructSlice;
  t.object->newFn = constructObject;
  t.property->newFn = constructDescriptor;
  t.staticMethod->newFn = constructDescriptor;
  t.classMethod->newFn = constructDescriptor;
  t.superType->newFn = constructSuper;
#define GILSIM_EXCEPTION_CONSTRUCTOR(name, base) t.name->newFn = constructException;
  GILSIM_EXCEPTION_TYPES(GILSIM_EXCEPTION_CONSTRUCTOR)
#undef GILSIM_EXCEPTION_CONSTRUCTOR
}

}  // namespace gilsim
