#include "interp/objects/bytearray_object.h"

#include <algorithm>

#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/formatting.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/memoryview_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"
#include "interp/vm/vm.h"  // upward: translate calls bytes' own on the VM

namespace gilsim {

namespace {

std::string& self(const CallArgs& args, const char* method) {
  if (args.count == 0 || !isByteArray(args[0]))
    raiseTypeError("descriptor '{}' requires a 'bytearray' object", method);
  return args[0].as<ByteArrayObject>()->data;
}

void checkNoExports(const CallArgs& args) {
  if (args[0].as<ByteArrayObject>()->exports)
    raiseBufferError("Existing exports of data: object cannot be re-sized");
}

// Called before every change of size, with the size to be: CPython refuses only a real change,
// so `b += b''` and `del b[0:0]` pass while a view is alive.
void checkResize(const CallArgs& args, size_t newSize) {
  if (newSize != args[0].as<ByteArrayObject>()->data.size()) checkNoExports(args);
}

Value notImplemented() {
  return Value::borrow(builtinTypes().notImplemented);
}

uint8_t byteValue(const Value& v) {
  if (!isInt(v)) raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(v));
  int64_t b;
  if (!intFitsInt64(v, &b) || b < 0 || b > 255) raiseValueError("byte must be in range(0, 256)");
  return static_cast<uint8_t>(b);
}

// The bytes of an argument that may be bytes-like or an iterable of ints (extend, slice
// assignment, the constructor).
std::string bytesOf(const Value& v) {
  if (isMemoryView(v)) return v.as<MemoryViewObject>()->copy();  // any stride
  if (const std::string* data = bytesLikeData(v)) return *data;
  if (isStr(v)) raiseTypeError("can't extend bytearray with str");
  std::string out;
  for (const Value& item : toVector(v))
    out.push_back(static_cast<char>(byteValue(item)));
  return out;
}

const std::string& bytesLikeArgument(const Value& v) {
  const std::string* data = bytesLikeData(v);
  if (!data) raiseTypeError("a bytes-like object is required, not '{}'", typeName(v));
  return *data;
}

int64_t indexIn(const Value& key, size_t size) {
  int64_t i = toIndex(key, "bytearray indices");
  if (i < 0) i += static_cast<int64_t>(size);
  if (i < 0 || i >= static_cast<int64_t>(size)) raiseIndexError("bytearray index out of range");
  return i;
}

bool isSlice(const Value& v) {
  return v.isObject() && v.object()->type() == builtinTypes().slice;
}

Value byteArrayNew(VM&, TypeObject*, CallArgs args) {
  expectArgs("bytearray", args, 0, 3);
  if (args.count == 0) return makeByteArray("");
  const Value& x = args[0];
  if (isStr(x)) {
    if (args.count < 2) raiseTypeError("string argument without an encoding");
    return makeByteArray(asStr(x)->str());
  }
  if (isInt(x)) {
    int64_t n = toIndex(x, "count");
    if (n < 0) raiseValueError("negative count");
    if (n > (int64_t{1} << 32)) raiseMemoryError("");
    return makeByteArray(std::string(static_cast<size_t>(n), '\0'));
  }
  return makeByteArray(bytesOf(x));
}

Value baLen(VM&, CallArgs args) {
  return Value::integer(static_cast<int64_t>(self(args, "__len__").size()));
}

Value baGetitem(VM&, CallArgs args) {
  std::string& data = self(args, "__getitem__");
  expectMethodArgs("__getitem__", args, 1, 1);
  if (isSlice(args[1])) {
    int64_t start, stop, step, count;
    args[1].as<SliceObject>()->indices(static_cast<int64_t>(data.size()), &start, &stop, &step,
                                       &count);
    std::string out;
    for (int64_t i = 0, j = start; i < count; ++i, j += step)
      out.push_back(data[static_cast<size_t>(j)]);
    return makeByteArray(std::move(out));
  }
  return Value::integer(static_cast<uint8_t>(data[indexIn(args[1], data.size())]));
}

Value baSetitem(VM&, CallArgs args) {
  std::string& data = self(args, "__setitem__");
  expectMethodArgs("__setitem__", args, 2, 2);
  if (!isSlice(args[1])) {
    data[indexIn(args[1], data.size())] = static_cast<char>(byteValue(args[2]));
    return Value::none();
  }
  std::string replacement =
      isInt(args[2])
          ? throw PyException{newException(builtinTypes().TypeError,
                                           "can assign only bytes, buffers, or iterables "
                                           "of ints in range(0, 256)")}
          : bytesOf(args[2]);
  int64_t start, stop, step, count;
  args[1].as<SliceObject>()->indices(static_cast<int64_t>(data.size()), &start, &stop, &step,
                                     &count);
  if (step == 1) {
    stop = std::max(start, stop);
    checkResize(args, data.size() - static_cast<size_t>(stop - start) + replacement.size());
    data.replace(static_cast<size_t>(start), static_cast<size_t>(stop - start), replacement);
    return Value::none();
  }
  // CPython takes an empty value for an extended slice as a deletion, which refuses while
  // exported even when it deletes nothing.
  if (replacement.empty()) checkNoExports(args);
  if (static_cast<int64_t>(replacement.size()) != count)
    raiseValueError("attempt to assign bytes of size {} to extended slice of size {}",
                    replacement.size(), count);
  for (int64_t i = 0, j = start; i < count; ++i, j += step)
    data[static_cast<size_t>(j)] = replacement[static_cast<size_t>(i)];
  return Value::none();
}

Value baDelitem(VM&, CallArgs args) {
  std::string& data = self(args, "__delitem__");
  expectMethodArgs("__delitem__", args, 1, 1);
  if (!isSlice(args[1])) {
    size_t at = static_cast<size_t>(indexIn(args[1], data.size()));
    checkResize(args, data.size() - 1);
    data.erase(at, 1);
    return Value::none();
  }
  int64_t start, stop, step, count;
  args[1].as<SliceObject>()->indices(static_cast<int64_t>(data.size()), &start, &stop, &step,
                                     &count);
  if (step == 1)
    checkResize(args, data.size() - static_cast<size_t>(count));
  else
    checkNoExports(args);  // CPython's extended deletion refuses even when it deletes nothing
  std::vector<bool> gone(data.size(), false);
  for (int64_t i = 0, j = start; i < count; ++i, j += step)
    gone[static_cast<size_t>(j)] = true;
  std::string kept;
  for (size_t i = 0; i < data.size(); ++i)
    if (!gone[i]) kept.push_back(data[i]);
  data = std::move(kept);
  return Value::none();
}

Value baIter(VM&, CallArgs args) {
  self(args, "__iter__");
  Value owner = args[0];
  auto position = std::make_shared<size_t>(0);
  auto* object = owner.as<ByteArrayObject>();
  return Value::steal(new IteratorObject(
      "bytearray_iterator",
      [object, position](Value* out) {
        if (*position >= object->data.size()) return false;
        *out = Value::integer(static_cast<uint8_t>(object->data[(*position)++]));
        return true;
      },
      owner));
}

Value baContains(VM&, CallArgs args) {
  std::string& data = self(args, "__contains__");
  expectMethodArgs("__contains__", args, 1, 1);
  if (isInt(args[1]))
    return Value::boolean(data.find(static_cast<char>(byteValue(args[1]))) != std::string::npos);
  return Value::boolean(data.find(bytesLikeArgument(args[1])) != std::string::npos);
}

template <CompareOperator Op>
Value baCompare(VM&, CallArgs args) {
  std::string& data = self(args, "comparison");
  // A view whose bytes cannot be had in one piece is left to memoryview's own __eq__, as
  // CPython's failed buffer request gives NotImplemented.
  if (args.count > 1 && isMemoryView(args[1])) {
    auto* m = args[1].as<MemoryViewObject>();
    if (m->released() || !m->contiguous()) return notImplemented();
  }
  const std::string* other = args.count > 1 ? bytesLikeData(args[1]) : nullptr;
  if (!other) return notImplemented();
  int c = data.compare(*other);
  switch (Op) {
    case CompareOperator::Eq:
      return Value::boolean(c == 0);
    case CompareOperator::NotEq:
      return Value::boolean(c != 0);
    case CompareOperator::Lt:
      return Value::boolean(c < 0);
    case CompareOperator::LtE:
      return Value::boolean(c <= 0);
    case CompareOperator::Gt:
      return Value::boolean(c > 0);
    default:
      return Value::boolean(c >= 0);
  }
}

Value baAdd(VM&, CallArgs args) {
  std::string& data = self(args, "__add__");
  const std::string* other = args.count > 1 ? bytesLikeData(args[1]) : nullptr;
  if (!other) raiseTypeError("can't concat {} to bytearray", typeName(args[1]));
  return makeByteArray(data + *other);
}

Value baIadd(VM&, CallArgs args) {
  std::string& data = self(args, "__iadd__");
  const std::string* other = args.count > 1 ? bytesLikeData(args[1]) : nullptr;
  if (!other) raiseTypeError("can't concat {} to bytearray", typeName(args[1]));
  checkResize(args, data.size() + other->size());
  data += std::string(*other);  // a copy first: `b += b` reads what it appends to
  return args[0];
}

Value baMul(VM&, CallArgs args) {
  std::string& data = self(args, "__mul__");
  if (args.count < 2 || !isInt(args[1])) return notImplemented();
  int64_t n = std::max<int64_t>(0, toIndex(args[1], "count"));
  if (n > 0 && data.size() * static_cast<size_t>(n) > (size_t{1} << 32)) raiseMemoryError("");
  std::string out;
  for (int64_t i = 0; i < n; ++i)
    out += data;
  return makeByteArray(std::move(out));
}

// In place, as CPython's: `b *= n` keeps b's identity (and its views refuse a change of size).
Value baImul(VM&, CallArgs args) {
  std::string& data = self(args, "__imul__");
  if (args.count < 2 || !isInt(args[1])) return notImplemented();
  int64_t n = std::max<int64_t>(0, toIndex(args[1], "count"));
  if (n > 0 && data.size() * static_cast<size_t>(n) > (size_t{1} << 32)) raiseMemoryError("");
  checkResize(args, data.size() * static_cast<size_t>(n));
  std::string once = data;
  data.clear();
  for (int64_t i = 0; i < n; ++i)
    data += once;
  return args[0];
}

std::string baReprText(const Value& v) {
  return "bytearray(" + repr(makeBytes(v.as<ByteArrayObject>()->data)) + ")";
}

Value baRepr(VM&, CallArgs args) {
  self(args, "__repr__");
  return makeStr(baReprText(args[0]));
}

Value baAppend(VM&, CallArgs args) {
  std::string& data = self(args, "append");
  expectMethodArgs("append", args, 1, 1);
  char byte = static_cast<char>(byteValue(args[1]));
  checkResize(args, data.size() + 1);
  data.push_back(byte);
  return Value::none();
}

Value baExtend(VM&, CallArgs args) {
  std::string& data = self(args, "extend");
  expectMethodArgs("extend", args, 1, 1);
  std::string more = bytesOf(args[1]);
  checkResize(args, data.size() + more.size());
  data += more;
  return Value::none();
}

Value baPop(VM&, CallArgs args) {
  std::string& data = self(args, "pop");
  expectMethodArgs("pop", args, 0, 1);
  if (data.empty()) raiseIndexError("pop from empty bytearray");
  int64_t i = args.count > 1 ? toIndex(args[1], "index") : -1;
  if (i < 0) i += static_cast<int64_t>(data.size());
  if (i < 0 || i >= static_cast<int64_t>(data.size())) raiseIndexError("pop index out of range");
  auto b = static_cast<uint8_t>(data[static_cast<size_t>(i)]);
  checkResize(args, data.size() - 1);
  data.erase(static_cast<size_t>(i), 1);
  return Value::integer(b);
}

Value baInsert(VM&, CallArgs args) {
  std::string& data = self(args, "insert");
  expectMethodArgs("insert", args, 2, 2);
  int64_t i = toIndex(args[1], "index");
  auto n = static_cast<int64_t>(data.size());
  if (i < 0) i = std::max<int64_t>(0, i + n);
  i = std::min(i, n);
  char byte = static_cast<char>(byteValue(args[2]));
  checkResize(args, data.size() + 1);
  data.insert(data.begin() + i, byte);
  return Value::none();
}

Value baRemove(VM&, CallArgs args) {
  std::string& data = self(args, "remove");
  expectMethodArgs("remove", args, 1, 1);
  size_t at = data.find(static_cast<char>(byteValue(args[1])));
  if (at == std::string::npos) raiseValueError("value not found in bytearray");
  checkResize(args, data.size() - 1);
  data.erase(at, 1);
  return Value::none();
}

Value baReverse(VM&, CallArgs args) {
  std::string& data = self(args, "reverse");
  std::reverse(data.begin(), data.end());
  return Value::none();
}

Value baClear(VM&, CallArgs args) {
  std::string& data = self(args, "clear");
  checkResize(args, 0);
  data.clear();
  return Value::none();
}

Value baCopy(VM&, CallArgs args) {
  return makeByteArray(self(args, "copy"));
}

// translate is bytes' own (string_translate.cpp), run on a bytes copy; the other methods bytes
// and bytearray share are in bytes_methods.cpp.
Value baTranslate(VM&, CallArgs args) {
  std::string& data = self(args, "translate");
  chargeNativeWork(NativeCosts::kStrCreate +
                   static_cast<int64_t>(data.size()) * NativeCosts::kStrPerEightBytes);
  std::vector<Value> callArgs(args.args + 1, args.args + args.count);
  Value bound = getAttr(makeBytes(data), "translate");
  Value result =
      VM::current()->call(bound, CallArgs{callArgs.data(), callArgs.size(), args.kwnames});
  return makeByteArray(result.as<BytesObject>()->data());
}

Value baMod(VM&, CallArgs args) {
  std::string& data = self(args, "__mod__");
  expectMethodArgs("__mod__", args, 1, 1);
  return makeByteArray(bytesPercentFormat(data, args[1]));
}

}  // namespace

ByteArrayObject::ByteArrayObject(std::string bytes)
    : Object(byteArrayType()), data(std::move(bytes)) {}

TypeObject* byteArrayType() {
  static TypeObject* type = [] {
    TypeObject* t = makeNativeType("bytearray", "builtins",
                                   {{"__len__", baLen},
                                    {"__getitem__", baGetitem},
                                    {"__setitem__", baSetitem},
                                    {"__delitem__", baDelitem},
                                    {"__iter__", baIter},
                                    {"__contains__", baContains},
                                    {"__eq__", baCompare<CompareOperator::Eq>},
                                    {"__ne__", baCompare<CompareOperator::NotEq>},
                                    {"__lt__", baCompare<CompareOperator::Lt>},
                                    {"__le__", baCompare<CompareOperator::LtE>},
                                    {"__gt__", baCompare<CompareOperator::Gt>},
                                    {"__ge__", baCompare<CompareOperator::GtE>},
                                    {"__add__", baAdd},
                                    {"__iadd__", baIadd},
                                    {"__mul__", baMul},
                                    {"__rmul__", baMul},
                                    {"__imul__", baImul},
                                    {"__repr__", baRepr},
                                    {"__str__", baRepr},
                                    {"append", baAppend},
                                    {"extend", baExtend},
                                    {"pop", baPop},
                                    {"insert", baInsert},
                                    {"remove", baRemove},
                                    {"reverse", baReverse},
                                    {"clear", baClear},
                                    {"copy", baCopy},
                                    {"translate", baTranslate},
                                    {"__mod__", baMod}},
                                   {.repr = baReprText});
    t->dict()->setStr("__hash__", Value::none());  // mutable, so unhashable
    t->newFn = byteArrayNew;
    return t;
  }();
  return type;
}

Value makeByteArray(std::string data) {
  return Value::steal(new ByteArrayObject(std::move(data)));
}

bool isByteArray(const Value& v) {
  return v.isObject() && v.object()->type() == byteArrayType();
}

const std::string* bytesLikeData(const Value& v) {
  if (isBytes(v)) return &v.as<BytesObject>()->data();
  if (isByteArray(v)) return &v.as<ByteArrayObject>()->data;
  if (isMemoryView(v)) return memoryViewBytes(v);
  return nullptr;
}

bool writableBytesLikeData(const Value& v, std::span<char>* out) {
  if (isByteArray(v)) {
    std::string& data = v.as<ByteArrayObject>()->data;
    *out = std::span<char>(data.data(), data.size());
    return true;
  }
  return isMemoryView(v) && memoryViewWritable(v, out);
}

}  // namespace gilsim
