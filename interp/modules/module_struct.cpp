// The _struct module, under interp/lib/struct.py: C values packed into bytes and back, with
// CPython 3.11's format language (byte order @ = < > !, counts, the codes x c b B ? h H i I l L q
// Q n N e f d s p P), its native sizes and alignment on x86-64 Linux, and its error messages.
//
//   pack(fmt, *values)                 bytes
//   pack_into(fmt, buffer, offset, *values)
//   unpack(fmt, buffer)                a tuple; the buffer must be exactly calcsize(fmt) long
//   unpack_from(fmt, buffer, offset=0)
//   calcsize(fmt)
//   error                              struct.error
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "interp/modules/native_modules.h"
#include "interp/objects/bytearray_object.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/protocol_internal.h"
#include "interp/objects/str_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

[[noreturn]] void structError(const std::string& message) {
  VM& vm = *VM::current();
  Value module = vm.interp().importModule(vm, "_struct");
  raise(module.as<ModuleObject>()->dict()->getStr("error").as<TypeObject>(), message);
}

struct Item {
  char code;
  size_t count;   // repeat count; for s and p the byte length
  size_t offset;  // where the first value starts
  size_t size;    // one value's size
};

struct Format {
  std::vector<Item> items;
  size_t size = 0;
  bool littleEndian = true;
  bool native = true;  // '@': native sizes and alignment
  size_t values = 0;   // how many values pack takes
};

size_t codeSize(char code, bool native) {
  switch (code) {
    case 'x':
    case 'c':
    case 'b':
    case 'B':
    case '?':
    case 's':
    case 'p':
      return 1;
    case 'h':
    case 'H':
    case 'e':
      return 2;
    case 'i':
    case 'I':
    case 'f':
      return 4;
    case 'l':
    case 'L':
      return native ? 8 : 4;
    case 'q':
    case 'Q':
    case 'd':
      return 8;
    case 'n':
    case 'N':
    case 'P':
      return native ? 8 : 0;
    default:
      return 0;
  }
}

Format parseFormat(const Value& format) {
  std::string text;
  if (isStr(format))
    text = asStr(format)->str();
  else if (const std::string* data = bytesLikeData(format))
    text = *data;
  else
    raiseTypeError("Struct() argument 1 must be a str or bytes object, not {}", typeName(format));
  Format layout;
  size_t i = 0;
  if (!text.empty()) {
    switch (text[0]) {
      case '@':
        ++i;
        break;
      case '=':
      case '<':
        layout.native = false;
        ++i;
        break;
      case '>':
      case '!':
        layout.native = false;
        layout.littleEndian = false;
        ++i;
        break;
      default:
        break;
    }
  }
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
      continue;
    }
    size_t count = 1;
    if (c >= '0' && c <= '9') {
      count = 0;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (count > (SIZE_MAX / 10) - 10) structError("total struct size too long");
        count = count * 10 + static_cast<size_t>(text[i] - '0');
        ++i;
      }
      if (i == text.size()) structError("repeat count given without format specifier");
      c = text[i];
    }
    ++i;
    size_t size = codeSize(c, layout.native);
    if (size == 0) structError("bad char in struct format");
    if (layout.native && c != 's' && c != 'p' && c != 'x' && c != 'c')
      layout.size = (layout.size + size - 1) / size * size;  // natural alignment
    Item item{c, count, layout.size, size};
    size_t bytes = c == 's' || c == 'p' ? count : count * size;
    if (bytes > (SIZE_MAX / 4) - layout.size) structError("total struct size too long");
    layout.size += bytes;
    if (c == 'x') continue;
    layout.values += c == 's' || c == 'p' ? 1 : count;
    layout.items.push_back(item);
  }
  return layout;
}

void putUnsigned(char* out, uint64_t v, size_t size, bool little) {
  for (size_t b = 0; b < size; ++b) {
    size_t index = little ? b : size - 1 - b;
    out[index] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
}

uint64_t getUnsigned(const char* in, size_t size, bool little) {
  uint64_t v = 0;
  for (size_t b = 0; b < size; ++b) {
    size_t index = little ? size - 1 - b : b;
    v = (v << 8) | static_cast<unsigned char>(in[index]);
  }
  return v;
}

// IEEE 754 binary16 from a double, round half to even; OverflowError past the largest half.
uint16_t toHalf(double x) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  if (std::isnan(x)) return sign | 0x7e00;
  double a = std::fabs(x);
  if (std::isinf(a)) return sign | 0x7c00;
  if (a == 0) return sign;
  int e;
  double m = std::frexp(a, &e);  // a = m * 2**e, 0.5 <= m < 1
  // Normal halves: 2**-14 <= a < 65520; the significand has 11 bits.
  if (e >= -13) {
    double scaled = std::ldexp(m, 11);  // [1024, 2048)
    double r = std::nearbyint(scaled);  // the default rounding mode: half to even
    if (r == 2048) {
      r = 1024;
      ++e;
    }
    int exponent = e - 1 + 15;
    if (exponent >= 31) raiseOverflowError("float too large to pack with e format");
    return sign | static_cast<uint16_t>(exponent << 10) | static_cast<uint16_t>(r - 1024);
  }
  double r = std::nearbyint(std::ldexp(a, 24));  // subnormal: units of 2**-24
  return sign | static_cast<uint16_t>(r);        // r == 1024 rounds up into the smallest normal
}

double fromHalf(uint16_t h) {
  int exponent = (h >> 10) & 0x1f;
  int fraction = h & 0x3ff;
  double v;
  if (exponent == 0)
    v = std::ldexp(fraction, -24);
  else if (exponent == 31)
    v = fraction ? NAN : INFINITY;
  else
    v = std::ldexp(fraction + 1024, exponent - 25);
  return (h & 0x8000) ? -v : v;
}

bool signedCode(char c) {
  return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
}

// CPython's words: its own for the 1- and 2-byte codes, the bounds for 4 bytes, and "argument
// out of range" for 8 bytes and for a negative number given to an unsigned code of 4.
[[noreturn]] void rangeError(char code, size_t size, bool negative) {
  if (code == 'b') structError("byte format requires -128 <= number <= 127");
  if (code == 'B') structError("ubyte format requires 0 <= number <= 255");
  if (code == 'h') structError("short format requires -32768 <= number <= 32767");
  if (code == 'H') structError("ushort format requires 0 <= number <= 65535");
  if (size == 8 || (negative && !signedCode(code))) structError("argument out of range");
  if (signedCode(code))
    structError(fmt::format("'{}' format requires {} <= number <= {}", code, INT32_MIN, INT32_MAX));
  structError(fmt::format("'{}' format requires 0 <= number <= {}", code, UINT32_MAX));
}

// An integer argument: an int, or an object with __index__.
Value integerArgument(const Value& v) {
  if (isInt(v)) return exactInt(v);
  if (isUserObject(v)) {
    Value r = callSpecial(v, "__index__", {});
    if (!r.isNull() && isInt(r)) return exactInt(r);
  }
  structError("required argument is not an integer");
}

double floatArgument(const Value& v) {
  if (v.isFloat()) return v.real();
  if (isInt(v)) return intToDouble(v);
  if (isUserObject(v)) {
    Value r = callSpecial(v, "__float__", {});
    if (!r.isNull() && r.isFloat()) return r.real();
  }
  structError("required argument is not a float");
}

void packOne(char code, size_t size, const Format& layout, const Value& v, char* out) {
  bool little = layout.native ? std::endian::native == std::endian::little : layout.littleEndian;
  switch (code) {
    case '?':
      *out = truthy(v) ? 1 : 0;
      return;
    case 'c': {
      const std::string* data = bytesLikeData(v);
      if (!data || data->size() != 1)
        structError("char format requires a bytes object of length 1");
      *out = (*data)[0];
      return;
    }
    case 'f': {
      double d = floatArgument(v);
      float f = static_cast<float>(d);
      if (std::isinf(f) && !std::isinf(d))
        raiseOverflowError("float too large to pack with f format");
      putUnsigned(out, std::bit_cast<uint32_t>(f), 4, little);
      return;
    }
    case 'd':
      putUnsigned(out, std::bit_cast<uint64_t>(floatArgument(v)), 8, little);
      return;
    case 'e':
      putUnsigned(out, toHalf(floatArgument(v)), 2, little);
      return;
    default:
      break;
  }
  Value n = integerArgument(v);
  unsigned bits = static_cast<unsigned>(size * 8);
  bool negative = intSign(n) < 0;
  if (signedCode(code)) {
    int64_t x;
    if (!intFitsInt64(n, &x) ||
        (bits < 64 && (x < -(int64_t{1} << (bits - 1)) || x >= (int64_t{1} << (bits - 1)))))
      rangeError(code, size, negative);
    putUnsigned(out, static_cast<uint64_t>(x), size, little);
    return;
  }
  __int128 x;
  int64_t pointer;
  if (code == 'P' && negative && intFitsInt64(n, &pointer)) {  // as C's (void*)-1
    putUnsigned(out, static_cast<uint64_t>(pointer), size, little);
    return;
  }
  if (!intFitsInt128(n, &x) || x < 0 || x > static_cast<__int128>(UINT64_MAX) ||
      (bits < 64 && x >= (static_cast<__int128>(1) << bits)))
    rangeError(code, size, negative);
  putUnsigned(out, static_cast<uint64_t>(x), size, little);
}

Value unpackOne(char code, size_t size, const Format& layout, const char* in) {
  bool little = layout.native ? std::endian::native == std::endian::little : layout.littleEndian;
  switch (code) {
    case '?':
      return Value::boolean(*in != 0);
    case 'c':
      return makeBytes(std::string(in, 1));
    case 'f':
      return Value::real(std::bit_cast<float>(static_cast<uint32_t>(getUnsigned(in, 4, little))));
    case 'd':
      return Value::real(std::bit_cast<double>(getUnsigned(in, 8, little)));
    case 'e':
      return Value::real(fromHalf(static_cast<uint16_t>(getUnsigned(in, 2, little))));
    default:
      break;
  }
  uint64_t raw = getUnsigned(in, size, little);
  if (signedCode(code)) {
    unsigned bits = static_cast<unsigned>(size * 8);
    if (bits < 64 && (raw >> (bits - 1)) & 1) raw |= ~uint64_t{0} << bits;  // sign-extend
    return Value::integer(static_cast<int64_t>(raw));
  }
  return makeInt128(static_cast<__int128>(raw));
}

void packInto(const Format& layout, const Value* values, size_t count, char* out) {
  if (count != layout.values)
    structError(fmt::format("pack expected {} items for packing (got {})", layout.values, count));
  size_t next = 0;
  for (const Item& item : layout.items) {
    if (item.code == 's' || item.code == 'p') {
      const Value& v = values[next++];
      const std::string* data = bytesLikeData(v);
      if (!data || isStr(v))
        structError(fmt::format("argument for '{}' must be a bytes object", item.code));
      char* at = out + item.offset;
      if (item.code == 's') {
        std::memcpy(at, data->data(), std::min(data->size(), item.count));
      } else if (item.count > 0) {
        size_t n = std::min({data->size(), item.count - 1, size_t{255}});
        at[0] = static_cast<char>(n);
        std::memcpy(at + 1, data->data(), n);
      }
      continue;
    }
    for (size_t k = 0; k < item.count; ++k)
      packOne(item.code, item.size, layout, values[next++], out + item.offset + k * item.size);
  }
}

Value unpackFrom(const Format& layout, const char* in) {
  std::vector<Value> out;
  out.reserve(layout.values);
  for (const Item& item : layout.items) {
    const char* at = in + item.offset;
    if (item.code == 's') {
      out.push_back(makeBytes(std::string(at, item.count)));
    } else if (item.code == 'p') {
      size_t n = item.count == 0 ? 0
                                 : std::min(static_cast<size_t>(static_cast<unsigned char>(*at)),
                                            item.count - 1);
      out.push_back(makeBytes(std::string(item.count ? at + 1 : at, n)));
    } else {
      for (size_t k = 0; k < item.count; ++k)
        out.push_back(unpackOne(item.code, item.size, layout, at + k * item.size));
    }
  }
  return makeTuple(std::move(out));
}

const std::string& bufferArgument(const Value& v) {
  const std::string* data = bytesLikeData(v);
  if (!data) raiseTypeError("a bytes-like object is required, not '{}'", typeName(v));
  return *data;
}

Value structPack(VM&, CallArgs args) {
  if (args.keywordCount()) raiseTypeError("pack() takes no keyword arguments");
  if (args.count == 0) raiseTypeError("pack expected at least 1 argument, got 0");
  Format layout = parseFormat(args[0]);
  std::string out(layout.size, '\0');
  packInto(layout, args.args + 1, args.count - 1, out.data());
  return makeBytes(std::move(out));
}

Value structPackInto(VM&, CallArgs args) {
  if (args.keywordCount()) raiseTypeError("pack_into() takes no keyword arguments");
  if (args.count < 3) raiseTypeError("pack_into expected at least 3 arguments, got {}", args.count);
  Format layout = parseFormat(args[0]);
  std::span<char> buffer;
  if (!writableBytesLikeData(args[1], &buffer))
    raiseTypeError("argument must be read-write bytes-like object, not {}", typeName(args[1]));
  int64_t offset = toIndex(args[2], "offset");
  if (offset < 0) {
    if (offset + static_cast<int64_t>(buffer.size()) < 0)
      structError(fmt::format("offset {} out of range for {}-byte buffer", offset, buffer.size()));
    offset += static_cast<int64_t>(buffer.size());
  }
  if (static_cast<size_t>(offset) > buffer.size() ||
      buffer.size() - static_cast<size_t>(offset) < layout.size)
    structError(
        fmt::format("pack_into requires a buffer of at least {} bytes for packing {} "
                    "bytes at offset {} (actual buffer size is {})",
                    layout.size + static_cast<size_t>(offset), layout.size, offset, buffer.size()));
  std::string packed(layout.size, '\0');
  packInto(layout, args.args + 3, args.count - 3, packed.data());
  // Afresh: packing may have run an __index__ that changed the buffer.
  if (writableBytesLikeData(args[1], &buffer) &&
      buffer.size() >= static_cast<size_t>(offset) + layout.size)
    std::copy(packed.begin(), packed.end(), buffer.begin() + offset);
  return Value::none();
}

Value structUnpack(VM&, CallArgs args) {
  expectArgs("unpack", args, 2, 2);
  Format layout = parseFormat(args[0]);
  const std::string& data = bufferArgument(args[1]);
  if (data.size() != layout.size)
    structError(fmt::format("unpack requires a buffer of {} bytes", layout.size));
  return unpackFrom(layout, data.data());
}

Value structUnpackFrom(VM&, CallArgs args) {
  Value buffer, offsetValue = Value::integer(0);
  size_t npos = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "buffer")
      buffer = v;
    else if (name == "offset")
      offsetValue = v;
    else
      raiseTypeError("unpack_from() got an unexpected keyword argument '{}'", name);
  });
  if (npos < 1 || npos > 3) raiseTypeError("unpack_from() takes from 1 to 3 arguments");
  if (npos >= 2) buffer = args[1];
  if (npos == 3) offsetValue = args[2];
  if (buffer.isNull()) raiseTypeError("unpack_from() missing required argument 'buffer' (pos 2)");
  Format layout = parseFormat(args[0]);
  const std::string& data = bufferArgument(buffer);
  int64_t offset = toIndex(offsetValue, "offset");
  if (offset < 0) {
    if (offset + static_cast<int64_t>(data.size()) < 0)
      structError(fmt::format("offset {} out of range for {}-byte buffer", offset, data.size()));
    offset += static_cast<int64_t>(data.size());
  }
  if (static_cast<size_t>(offset) > data.size() ||
      data.size() - static_cast<size_t>(offset) < layout.size)
    structError(
        fmt::format("unpack_from requires a buffer of at least {} bytes for unpacking {} "
                    "bytes at offset {} (actual buffer size is {})",
                    layout.size + static_cast<size_t>(offset), layout.size, offset, data.size()));
  return unpackFrom(layout, data.data() + offset);
}

Value structCalcsize(VM&, CallArgs args) {
  expectArgs("calcsize", args, 1, 1);
  return Value::integer(static_cast<int64_t>(parseFormat(args[0]).size));
}

}  // namespace

void initStructModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  auto* error = new TypeObject("error", builtinTypes().Exception, Layout::Exception);
  error->moduleName = "struct";
  d->setStr("error", Value::steal(error));
  d->setStr("pack", makeNative("pack", structPack));
  d->setStr("pack_into", makeNative("pack_into", structPackInto));
  d->setStr("unpack", makeNative("unpack", structUnpack));
  d->setStr("unpack_from", makeNative("unpack_from", structUnpackFrom));
  d->setStr("calcsize", makeNative("calcsize", structCalcsize));
}

}  // namespace gilsim
