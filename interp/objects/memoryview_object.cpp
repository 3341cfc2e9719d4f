#include "interp/objects/memoryview_object.h"

#include <fmt/format.h>

#include <vector>

#include "interp/objects/builtin_methods.h"
#include "interp/objects/bytearray_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"
#include "interp/vm/vm.h"  // upward: hex calls bytes' own on the VM

namespace gilsim {

namespace {

[[noreturn]] void forbidden() {
  raiseValueError("operation forbidden on released memoryview object");
}

MemoryViewObject* view(const CallArgs& args, const char* method) {
  if (args.count == 0 || !isMemoryView(args[0]))
    raiseTypeError("descriptor '{}' requires a 'memoryview' object", method);
  return args[0].as<MemoryViewObject>();
}

// The view of a method that reads the items: released views refuse.
MemoryViewObject* liveView(const CallArgs& args, const char* method) {
  MemoryViewObject* m = view(args, method);
  if (m->released()) forbidden();
  return m;
}

Value notImplemented() {
  return Value::borrow(builtinTypes().notImplemented);
}

void chargeCopy(size_t n) {
  chargeNativeWork(NativeCosts::kStrCreate +
                   static_cast<int64_t>(n) * NativeCosts::kStrPerEightBytes);
}

Value makeView(const Value& exporter, int64_t start, int64_t length, int64_t step, char format,
               bool readonly) {
  return Value::steal(new MemoryViewObject(exporter, start, length, step, format, readonly));
}

// An item as Python sees it under the view's format.
Value itemValue(char format, char byte) {
  switch (format) {
    case 'b':
      return Value::integer(static_cast<signed char>(byte));
    case 'c':
      return makeBytes(std::string(1, byte));
    default:
      return Value::integer(static_cast<unsigned char>(byte));
  }
}

// The byte an assignment stores, with CPython's struct-packing errors.
char itemByte(char format, const Value& v) {
  if (format == 'c') {
    if (!isBytes(v)) raiseTypeError("memoryview: invalid type for format 'c'");
    const std::string& b = v.as<BytesObject>()->data();
    if (b.size() != 1) raiseValueError("memoryview: invalid value for format 'c'");
    return b[0];
  }
  if (!isInt(v)) raiseTypeError("memoryview: invalid type for format '{}'", format);
  int64_t i;
  int64_t low = format == 'b' ? -128 : 0, high = format == 'b' ? 127 : 255;
  if (!intFitsInt64(v, &i) || i < low || i > high)
    raiseValueError("memoryview: invalid value for format '{}'", format);
  return static_cast<char>(i);
}

bool isSlice(const Value& v) {
  return v.isObject() && v.object()->type() == builtinTypes().slice;
}

bool isIndex(const Value& v) {
  return isInt(v) ||
         (v.isObject() && !v.type()->isBuiltin() && !lookupSpecial(v, "__index__").isNull());
}

int64_t itemIndex(const MemoryViewObject* m, const Value& key) {
  int64_t i = toIndex(key, "memoryview indices");
  if (i < 0) i += m->length;
  if (i < 0 || i >= m->length) raiseIndexError("index out of bounds on dimension 1");
  return i;
}

// A key that names one item: an index, or a 1-tuple of one (CPython's multi-index of a 1-D view).
// Null when it is a slice; the other keys raise CPython's errors.
Value singleIndex(const Value& key) {
  if (isIndex(key)) return key;
  if (isSlice(key)) return Value();
  if (isTuple(key)) {
    const auto& items = key.as<TupleObject>()->items();
    bool allIndexes = true, allSlices = true;
    for (const Value& item : items) {
      allIndexes = allIndexes && isIndex(item);
      allSlices = allSlices && isSlice(item);
    }
    if (allIndexes) {
      if (items.empty()) raiseNotImplementedError("sub-views are not implemented");
      if (items.size() > 1)
        raiseTypeError("cannot index 1-dimension view with {}-element tuple", items.size());
      return items[0];
    }
    if (allSlices) raiseNotImplementedError("multi-dimensional slicing is not implemented");
  }
  raiseTypeError("memoryview: invalid slice key");
}

Value memoryviewNew(VM&, TypeObject*, CallArgs args) {
  Value object;
  size_t positional = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "object") object = v;
  });
  if (positional > 1)
    raiseTypeError("memoryview() takes at most 1 argument ({} given)", args.count);
  if (positional == 1) object = args[0];
  if (object.isNull()) raiseTypeError("memoryview() missing required argument 'object' (pos 1)");
  if (isMemoryView(object)) {
    auto* m = object.as<MemoryViewObject>();
    return makeView(m->exporter(), m->start, m->length, m->step, m->format, m->readonly());
  }
  if (isBytes(object) || isByteArray(object))
    return makeView(object, 0, static_cast<int64_t>(bytesLikeData(object)->size()), 1, 'B',
                    isBytes(object));
  raiseTypeError("memoryview: a bytes-like object is required, not '{}'", typeName(object));
}

Value mvLen(VM&, CallArgs args) {
  return Value::integer(liveView(args, "__len__")->length);
}

Value mvGetitem(VM&, CallArgs args) {
  MemoryViewObject* m = liveView(args, "__getitem__");
  expectMethodArgs("__getitem__", args, 1, 1);
  Value index = singleIndex(args[1]);
  if (!index.isNull()) return itemValue(m->format, m->at(itemIndex(m, index)));
  int64_t start, stop, step, count;
  args[1].as<SliceObject>()->indices(m->length, &start, &stop, &step, &count);
  return makeView(m->exporter(), m->start + start * m->step, count, m->step * step, m->format,
                  m->readonly());
}

Value mvSetitem(VM&, CallArgs args) {
  MemoryViewObject* m = liveView(args, "__setitem__");
  expectMethodArgs("__setitem__", args, 2, 2);
  if (m->readonly()) raiseTypeError("cannot modify read-only memory");
  std::string& data = m->exporter().as<ByteArrayObject>()->data;
  Value index = singleIndex(args[1]);
  if (!index.isNull()) {
    int64_t i = itemIndex(m, index);
    data[static_cast<size_t>(m->start + i * m->step)] = itemByte(m->format, args[2]);
    return Value::none();
  }
  int64_t start, stop, step, count;
  args[1].as<SliceObject>()->indices(m->length, &start, &stop, &step, &count);
  const Value& source = args[2];
  std::string bytes;  // a copy: the source may be this same buffer, overlapping
  char sourceFormat = 'B';
  if (isMemoryView(source)) {
    auto* s = source.as<MemoryViewObject>();
    if (s->released()) forbidden();
    bytes = s->copy();
    sourceFormat = s->format;
  } else if (const std::string* b = bytesLikeData(source)) {
    bytes = *b;
  } else {
    raiseTypeError("a bytes-like object is required, not '{}'", typeName(source));
  }
  if (sourceFormat != m->format || static_cast<int64_t>(bytes.size()) != count)
    raiseValueError("memoryview assignment: lvalue and rvalue have different structures");
  for (int64_t k = 0; k < count; ++k)
    data[static_cast<size_t>(m->start + (start + k * step) * m->step)] =
        bytes[static_cast<size_t>(k)];
  return Value::none();
}

Value mvDelitem(VM&, CallArgs args) {
  MemoryViewObject* m = liveView(args, "__delitem__");
  if (m->readonly()) raiseTypeError("cannot modify read-only memory");
  raiseTypeError("cannot delete memory");
}

Value mvIter(VM&, CallArgs args) {
  liveView(args, "__iter__");
  Value owner = args[0];
  auto* m = owner.as<MemoryViewObject>();
  auto position = std::make_shared<int64_t>(0);
  return Value::steal(new IteratorObject(
      "memory_iterator",
      [m, position](Value* out) {
        if (*position >= m->length) return false;
        if (m->released()) forbidden();
        *out = itemValue(m->format, m->at((*position)++));
        return true;
      },
      owner));
}

// The items of a bytes-like comparand as a view would show them: a memoryview's own, a bytes or
// bytearray's as format 'B'. False when it is neither (or a released view).
bool comparand(const Value& v, std::string* bytes, char* format) {
  if (isMemoryView(v)) {
    auto* m = v.as<MemoryViewObject>();
    if (m->released()) return false;
    *bytes = m->copy();
    *format = m->format;
    return true;
  }
  if (!isBytes(v) && !isByteArray(v)) return false;
  *bytes = *bytesLikeData(v);
  *format = 'B';
  return true;
}

// CPython compares the items unpacked: a 'c' item (bytes) never equals a 'B' or 'b' one (int),
// and 'B' and 'b' agree only below 128.
bool itemsEqual(const std::string& a, char fa, const std::string& b, char fb) {
  if (a.size() != b.size()) return false;
  if (fa == fb) return a == b;
  if (fa == 'c' || fb == 'c') return a.empty();
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i] || static_cast<unsigned char>(a[i]) >= 128) return false;
  return true;
}

template <bool kEqual>
Value mvEq(VM&, CallArgs args) {
  MemoryViewObject* m = view(args, kEqual ? "__eq__" : "__ne__");
  if (args.count < 2) return notImplemented();
  if (args[1].identical(args[0])) return Value::boolean(kEqual);
  if (m->released()) return Value::boolean(!kEqual);
  std::string other;
  char otherFormat;
  if (!comparand(args[1], &other, &otherFormat)) {
    if (isMemoryView(args[1])) return Value::boolean(!kEqual);  // released
    return notImplemented();
  }
  return Value::boolean(itemsEqual(m->copy(), m->format, other, otherFormat) == kEqual);
}

Value mvHash(VM&, CallArgs args) {
  view(args, "__hash__");
  return Value::integer(static_cast<int64_t>(memoryViewHash(args[0])));
}

std::string mvReprText(const Value& v) {
  auto* m = v.as<MemoryViewObject>();
  return fmt::format("<{}memory at 0x{:012x}>", m->released() ? "released " : "",
                     reinterpret_cast<uintptr_t>(m));
}

Value mvRepr(VM&, CallArgs args) {
  view(args, "__repr__");
  return makeStr(mvReprText(args[0]));
}

Value mvEnter(VM&, CallArgs args) {
  liveView(args, "__enter__");
  return args[0];
}

Value mvExit(VM&, CallArgs args) {
  view(args, "__exit__")->release();
  return Value::none();
}

Value mvRelease(VM&, CallArgs args) {
  expectMethodArgs("release", args, 0, 0);
  view(args, "release")->release();
  return Value::none();
}

Value mvTobytes(VM&, CallArgs args) {
  MemoryViewObject* m = liveView(args, "tobytes");
  Value order;
  size_t positional = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name != "order") raiseTypeError("tobytes() got an unexpected keyword argument '{}'", name);
    order = v;
  });
  if (positional > 2)
    raiseTypeError("tobytes() takes at most 1 argument ({} given)", positional - 1);
  if (positional == 2) order = args[1];
  if (!order.isNull() && !order.isNone()) {
    if (!isStr(order))
      raiseTypeError("tobytes() argument 'order' must be str or None, not {}", typeName(order));
    std::string_view o = asStr(order)->view();
    if (o != "C" && o != "F" && o != "A") raiseValueError("order must be 'C', 'F' or 'A'");
  }
  chargeCopy(static_cast<size_t>(m->length));
  return makeBytes(m->copy());
}

Value mvTolist(VM&, CallArgs args) {
  MemoryViewObject* m = liveView(args, "tolist");
  expectMethodArgs("tolist", args, 0, 0);
  chargeCopy(static_cast<size_t>(m->length) * 8);
  std::vector<Value> items;
  items.reserve(static_cast<size_t>(m->length));
  for (int64_t i = 0; i < m->length; ++i)
    items.push_back(itemValue(m->format, m->at(i)));
  return makeList(std::move(items));
}

// bytes.hex's own, with its sep and bytes_per_sep, on the items' bytes.
Value mvHex(VM&, CallArgs args) {
  MemoryViewObject* m = liveView(args, "hex");
  chargeCopy(static_cast<size_t>(m->length));
  std::vector<Value> callArgs(args.args + 1, args.args + args.count);
  Value bound = getAttr(makeBytes(m->copy()), "hex");
  return VM::current()->call(bound, CallArgs{callArgs.data(), callArgs.size(), args.kwnames});
}

Value mvToreadonly(VM&, CallArgs args) {
  MemoryViewObject* m = liveView(args, "toreadonly");
  expectMethodArgs("toreadonly", args, 0, 0);
  return makeView(m->exporter(), m->start, m->length, m->step, m->format, true);
}

// The one-dimensional byte formats; the other native struct formats are CPython's but not
// gilsim's.
Value mvCast(VM&, CallArgs args) {
  MemoryViewObject* m = liveView(args, "cast");
  Value format, shape;
  size_t positional = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "format")
      format = v;
    else if (name == "shape")
      shape = v;
    else
      raiseTypeError("cast() got an unexpected keyword argument '{}'", name);
  });
  if (positional > 3) raiseTypeError("cast() takes at most 2 arguments ({} given)", positional - 1);
  if (positional > 1) format = args[1];
  if (positional > 2) shape = args[2];
  if (format.isNull()) raiseTypeError("cast() missing required argument 'format' (pos 1)");
  if (!isStr(format))
    raiseTypeError("cast() argument 'format' must be str, not {}", typeName(format));
  if (!m->contiguous()) raiseTypeError("memoryview: casts are restricted to C-contiguous views");
  std::string_view f = asStr(format)->view();
  std::string_view plain = f.starts_with('@') ? f.substr(1) : f;
  if (plain.size() != 1 ||
      std::string_view("?cbBhHiIlLqQnNfdeP").find(plain[0]) == std::string_view::npos)
    raiseValueError(
        "memoryview: destination format must be a native single character format prefixed "
        "with an optional '@'");
  if (f != "B" && f != "b" && f != "c")
    raiseNotImplementedError(
        "memoryview.cast('{}') is not supported by gilsim (only the byte formats 'B', 'b' and "
        "'c')",
        f);
  if (!shape.isNull()) {
    if (!isList(shape) && !isTuple(shape)) raiseTypeError("shape must be a list or a tuple");
    std::vector<Value> dims = toVector(shape);
    if (dims.size() != 1)
      raiseNotImplementedError(
          "memoryview.cast() to {} dimensions is not supported by gilsim (one only)", dims.size());
    if (toIndex(dims[0], "shape") != m->length)
      raiseTypeError("memoryview: product(shape) * itemsize != buffer size");
  }
  return makeView(m->exporter(), m->start, m->length, m->step, f[0], m->readonly());
}

// ---- attributes ----

Value mvObj(VM&, CallArgs args) {
  return liveView(args, "obj")->exporter();
}
Value mvNbytes(VM&, CallArgs args) {
  return Value::integer(liveView(args, "nbytes")->length);
}
Value mvReadonly(VM&, CallArgs args) {
  return Value::boolean(liveView(args, "readonly")->readonly());
}
Value mvItemsize(VM&, CallArgs args) {
  liveView(args, "itemsize");
  return Value::integer(1);
}
Value mvFormat(VM&, CallArgs args) {
  return makeStr(std::string(1, liveView(args, "format")->format));
}
Value mvNdim(VM&, CallArgs args) {
  liveView(args, "ndim");
  return Value::integer(1);
}
Value mvShape(VM&, CallArgs args) {
  return makeTuple({Value::integer(liveView(args, "shape")->length)});
}
Value mvStrides(VM&, CallArgs args) {
  return makeTuple({Value::integer(liveView(args, "strides")->step)});
}
Value mvSuboffsets(VM&, CallArgs args) {
  liveView(args, "suboffsets");
  return makeTuple({});
}
Value mvContiguous(VM&, CallArgs args) {
  return Value::boolean(liveView(args, "contiguous")->contiguous());
}

}  // namespace

MemoryViewObject::MemoryViewObject(Value exporter, int64_t start, int64_t length, int64_t step,
                                   char format, bool readonly)
    : Object(memoryViewType()),
      start(start),
      length(length),
      step(step),
      format(format),
      readonly_(readonly || !isByteArray(exporter)),
      exporter_(std::move(exporter)) {
  if (isByteArray(exporter_)) ++exporter_.as<ByteArrayObject>()->exports;
}

MemoryViewObject::~MemoryViewObject() {
  release();
}

void MemoryViewObject::release() {
  if (released()) return;
  if (isByteArray(exporter_)) --exporter_.as<ByteArrayObject>()->exports;
  exporter_ = Value();
  scratch = std::string();
}

const Value& MemoryViewObject::exporter() const {
  if (released()) forbidden();
  return exporter_;
}

const std::string& MemoryViewObject::base() const {
  return *bytesLikeData(exporter());
}

std::string MemoryViewObject::copy() const {
  const std::string& b = base();
  if (step == 1) return b.substr(static_cast<size_t>(start), static_cast<size_t>(length));
  std::string out(static_cast<size_t>(length), '\0');
  for (int64_t i = 0; i < length; ++i)
    out[static_cast<size_t>(i)] = b[static_cast<size_t>(start + i * step)];
  return out;
}

TypeObject* memoryViewType() {
  static TypeObject* type = [] {
    TypeObject* t = makeNativeType("memoryview", "builtins",
                                   {{"__len__", mvLen},
                                    {"__getitem__", mvGetitem},
                                    {"__setitem__", mvSetitem},
                                    {"__delitem__", mvDelitem},
                                    {"__iter__", mvIter},
                                    {"__eq__", mvEq<true>},
                                    {"__ne__", mvEq<false>},
                                    {"__hash__", mvHash},
                                    {"__repr__", mvRepr},
                                    {"__enter__", mvEnter},
                                    {"__exit__", mvExit},
                                    {"release", mvRelease},
                                    {"tobytes", mvTobytes},
                                    {"tolist", mvTolist},
                                    {"hex", mvHex},
                                    {"toreadonly", mvToreadonly},
                                    {"cast", mvCast}},
                                   {.repr = mvReprText});
    Heap::Scope noHeap(nullptr);
    installProperty(t, "obj", mvObj);
    installProperty(t, "nbytes", mvNbytes);
    installProperty(t, "readonly", mvReadonly);
    installProperty(t, "itemsize", mvItemsize);
    installProperty(t, "format", mvFormat);
    installProperty(t, "ndim", mvNdim);
    installProperty(t, "shape", mvShape);
    installProperty(t, "strides", mvStrides);
    installProperty(t, "suboffsets", mvSuboffsets);
    installProperty(t, "contiguous", mvContiguous);
    installProperty(t, "c_contiguous", mvContiguous);
    installProperty(t, "f_contiguous", mvContiguous);
    t->newFn = memoryviewNew;
    return t;
  }();
  return type;
}

bool isMemoryView(const Value& v) {
  return v.isObject() && v.object()->type() == memoryViewType();
}

const std::string* memoryViewBytes(const Value& v) {
  auto* m = v.as<MemoryViewObject>();
  const std::string& b = m->base();
  if (!m->contiguous()) raiseBufferError("memoryview: underlying buffer is not C-contiguous");
  if (m->start == 0 && static_cast<size_t>(m->length) == b.size()) return &b;
  if (m->length == 0)
    m->scratch.clear();
  else
    m->scratch.assign(b, static_cast<size_t>(m->start), static_cast<size_t>(m->length));
  return &m->scratch;
}

uint64_t memoryViewHash(const Value& v) {
  auto* m = v.as<MemoryViewObject>();
  if (!m->hashed) {
    if (m->released()) forbidden();
    if (!m->readonly()) raiseValueError("cannot hash writable memoryview object");
    m->hash = bytesHash(m->copy());
    m->hashed = true;
  }
  return m->hash;
}

bool memoryViewWritable(const Value& v, std::span<char>* out) {
  auto* m = v.as<MemoryViewObject>();
  if (m->released() || m->readonly() || !m->contiguous()) return false;
  std::string& data = m->exporter().as<ByteArrayObject>()->data;
  *out = m->length == 0 ? std::span<char>()
                        : std::span<char>(data.data() + m->start, static_cast<size_t>(m->length));
  return true;
}

}  // namespace gilsim
