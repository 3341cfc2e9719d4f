#include "interp/modules/sys_sizeof.h"

#include <algorithm>

#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/set_object.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

namespace {

// CPython's object headers, in bytes (Include/cpython/*.h on 64-bit builds).
constexpr int64_t kGcHeader = 16;  // containers carry a GC link pair before the object
constexpr int64_t kIntBase = 24;   // PyLongObject without its digits
constexpr int64_t kIntDigitBytes = 4;
constexpr int64_t kIntDigitBits = 30;

int64_t intSize(const Value& v) {
  BigInt m = abs(toBigInt(v));
  int64_t bits = m == 0 ? 1 : static_cast<int64_t>(msb(m)) + 1;
  int64_t digits = std::max<int64_t>(1, (bits + kIntDigitBits - 1) / kIntDigitBits);
  return kIntBase + kIntDigitBytes * digits;
}

// A str is stored in the narrowest of 1, 2 or 4 bytes per character; ASCII has the smallest
// header.
int64_t strSize(StrObject* s) {
  std::string_view text = s->view();
  char32_t widest = 0;
  for (size_t i = 0; i < text.size();)
    widest = std::max(widest, decodeUtf8At(text, i));
  auto n = static_cast<int64_t>(s->length());
  if (widest < 0x80) return 49 + n;
  if (widest < 0x100) return 73 + n;
  if (widest < 0x10000) return 74 + 2 * n;
  return 76 + 4 * n;
}

// A dict grown by insertion: the keys table doubles to the power of two >= 3 * used whenever
// its usable two thirds fill; each slot has an index (1-8 bytes by table size) and each usable
// entry 24 bytes (16 when every key is a str).
int64_t dictSize(DictObject* d) {
  size_t n = d->size();
  if (n == 0) return 48 + kGcHeader;
  bool strKeys = true;
  for (const DictObject::Entry& e : d->entries())
    if (!e.key.isNull() && !isStr(e.key)) strKeys = false;
  int log2Size = 3;
  while ((int64_t{1} << log2Size) * 2 / 3 < static_cast<int64_t>(n)) {
    size_t used = static_cast<size_t>((int64_t{1} << log2Size) * 2 / 3);
    int k = 3;
    while ((size_t{1} << k) < used * 3)
      ++k;
    log2Size = k;
  }
  int64_t slots = int64_t{1} << log2Size;
  int64_t indexBytes = log2Size < 8 ? 1 : log2Size < 16 ? 2 : log2Size < 32 ? 4 : 8;
  int64_t usable = slots * 2 / 3;
  int64_t keys = 32 + slots * indexBytes + usable * (strKeys ? 16 : 24);
  return 48 + kGcHeader + keys;
}

// A set: 8 slots inline; past three fifths full the table grows to the power of two above
// four times the used count.
int64_t setSize(size_t n) {
  int64_t mask = 7;
  for (size_t fill = 1; fill <= n; ++fill) {
    if (static_cast<int64_t>(fill) * 5 >= mask * 3) {
      int64_t target = static_cast<int64_t>(fill) * (fill > 50000 ? 2 : 4);
      int64_t slots = 8;
      while (slots <= target)
        slots <<= 1;
      mask = slots - 1;
    }
  }
  int64_t table = mask + 1 == 8 ? 0 : (mask + 1) * 16;
  return 200 + kGcHeader + table;
}

int64_t sizeOf(const Value& v) {
  switch (v.tag()) {
    case Tag::None:
      return 16;
    case Tag::Bool:
    case Tag::Int:
      return intSize(v);
    case Tag::Float:
      return 24;
    default:
      break;
  }
  if (isInt(v)) return intSize(v);
  if (isStr(v)) return strSize(asStr(v));
  if (isBytes(v)) return 33 + static_cast<int64_t>(v.as<BytesObject>()->data().size());
  const BuiltinTypes& t = builtinTypes();
  TypeObject* type = v.object()->type();
  if (type == t.tuple)
    return 24 + kGcHeader + 8 * static_cast<int64_t>(v.as<TupleObject>()->size());
  if (type == t.list) return 40 + kGcHeader + 8 * static_cast<int64_t>(v.as<ListObject>()->size());
  if (type == t.dict) return dictSize(v.as<DictObject>());
  if (type == t.set || type == t.frozenset) return setSize(v.as<SetObject>()->size());
  if (type == t.object) return 16;
  return 40 + kGcHeader;  // an instance with a managed __dict__
}

}  // namespace

Value sysGetsizeof(VM&, CallArgs args) {
  expectArgs("getsizeof", args, 1, 2);
  return Value::integer(sizeOf(args[0]));
}

}  // namespace gilsim
