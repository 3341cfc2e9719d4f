// str.maketrans/str.translate and bytes.maketrans/bytes.translate, with CPython 3.11's rules:
// a str table is any mapping (or sequence) from code points to code points, strs or None, a
// LookupError meaning "leave the character"; a bytes table is 256 bytes or None.
#include "interp/objects/builtin_methods.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"

namespace gilsim {

namespace {

// str.maketrans(x[, y[, z]]) -> dict of code point -> code point / None.
Value strMaketrans(VM&, CallArgs args) {
  expectArgs("maketrans", args, 1, 3);
  Value table = makeDict();
  auto* d = table.as<DictObject>();
  if (args.count == 1) {
    if (!args[0].isObject() || args[0].object()->type() != builtinTypes().dict)
      raiseTypeError("if you give only one argument to maketrans it must be a dict");
    for (const DictObject::Entry& e : args[0].as<DictObject>()->entries()) {
      if (e.key.isNull()) continue;
      if (isStr(e.key)) {
        StrObject* key = asStr(e.key);
        if (key->length() != 1)
          raiseValueError("string keys in translate table must be of length 1");
        size_t pos = 0;
        d->set(Value::integer(decodeUtf8At(key->view(), pos)), e.value);
      } else if (isInt(e.key)) {
        d->set(e.key, e.value);
      } else {
        raiseTypeError("keys in translate table must be strings or integers");
      }
    }
    return table;
  }
  if (!isStr(args[0]) || !isStr(args[1]))
    raiseTypeError("maketrans() argument {} must be str, not {}", isStr(args[0]) ? 2 : 1,
                   typeName(isStr(args[0]) ? args[1] : args[0]));
  std::string_view from = asStr(args[0])->view(), to = asStr(args[1])->view();
  if (asStr(args[0])->length() != asStr(args[1])->length())
    raiseValueError("the first two maketrans arguments must have equal length");
  for (size_t i = 0, j = 0; i < from.size();) {
    char32_t a = decodeUtf8At(from, i), b = decodeUtf8At(to, j);
    d->set(Value::integer(a), Value::integer(b));
  }
  if (args.count == 3) {
    if (!isStr(args[2]))
      raiseTypeError("maketrans() argument 3 must be str, not {}", typeName(args[2]));
    std::string_view gone = asStr(args[2])->view();
    for (size_t i = 0; i < gone.size();)
      d->set(Value::integer(decodeUtf8At(gone, i)), Value::none());
  }
  return table;
}

// table[codePoint], Null where the table has no entry (a LookupError from __getitem__).
Value lookupTranslation(const Value& table, char32_t codePoint) {
  Value key = Value::integer(codePoint);
  if (table.isObject() && table.object()->type() == builtinTypes().dict)
    return table.as<DictObject>()->get(key);
  try {
    return getItem(table, key);
  } catch (PyException& e) {
    if (isInstance(e.exception, builtinTypes().LookupError)) return Value();
    throw;
  }
}

Value strTranslate(VM&, CallArgs args) {
  if (args.count == 0 || !isStr(args[0]))
    raiseTypeError("descriptor 'translate' for 'str' objects doesn't apply to a '{}' object",
                   args.count ? typeName(args[0]) : "NoneType");
  expectMethodArgs("translate", args, 1, 1);
  std::string_view s = asStr(args[0])->view();
  chargeNativeWork(NativeCosts::kStrCreate +
                   static_cast<int64_t>(s.size()) * NativeCosts::kStrPerEightBytes);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t c = decodeUtf8At(s, i);
    Value mapped = lookupTranslation(args[1], c);
    if (mapped.isNull()) {
      out.append(s.substr(start, i - start));
    } else if (mapped.isNone()) {
      continue;
    } else if (isInt(mapped)) {
      int64_t code;
      if (!intFitsInt64(mapped, &code) || code < 0 || code > 0x10ffff)
        raiseValueError("character mapping must be in range(0x110000)");
      appendUtf8(out, static_cast<char32_t>(code));
    } else if (isStr(mapped)) {
      out += asStr(mapped)->view();
    } else {
      raiseTypeError("character mapping must return integer, None or str");
    }
  }
  return makeStr(std::move(out));
}

const std::string& bytesArgument(const Value& v, const char* what) {
  if (!isBytes(v)) raiseTypeError("a bytes-like object is required, not '{}'", typeName(v));
  (void)what;
  return v.as<BytesObject>()->data();
}

// bytes.maketrans(from, to) -> the 256-byte table.
Value bytesMaketrans(VM&, CallArgs args) {
  expectArgs("maketrans", args, 2, 2);
  const std::string& from = bytesArgument(args[0], "from");
  const std::string& to = bytesArgument(args[1], "to");
  if (from.size() != to.size()) raiseValueError("maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i)
    table[static_cast<size_t>(i)] = static_cast<char>(i);
  for (size_t i = 0; i < from.size(); ++i)
    table[static_cast<unsigned char>(from[i])] = to[i];
  return makeBytes(std::move(table));
}

// bytes.translate(table, /, delete=b'')
Value bytesTranslate(VM&, CallArgs args) {
  if (args.count == 0 || !isBytes(args[0]))
    raiseTypeError("descriptor 'translate' for 'bytes' objects doesn't apply to a '{}' object",
                   args.count ? typeName(args[0]) : "NoneType");
  Value remove = makeBytes("");
  size_t positional = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name != "delete")
      raiseTypeError("translate() got an unexpected keyword argument '{}'", name);
    remove = v;
  });
  if (positional < 2 || positional > 3)
    raiseTypeError("translate expected at least 1 argument, got {}", positional - 1);
  if (positional == 3) remove = args[2];
  const std::string& data = args[0].as<BytesObject>()->data();
  const std::string* table = nullptr;
  if (!args[1].isNone()) {
    table = &bytesArgument(args[1], "table");
    if (table->size() != 256) raiseValueError("translation table must be 256 characters long");
  }
  bool deleted[256] = {};
  for (char c : bytesArgument(remove, "delete"))
    deleted[static_cast<unsigned char>(c)] = true;
  chargeNativeWork(NativeCosts::kStrCreate +
                   static_cast<int64_t>(data.size()) * NativeCosts::kStrPerEightBytes);
  std::string out;
  out.reserve(data.size());
  for (char c : data) {
    auto byte = static_cast<unsigned char>(c);
    if (deleted[byte]) continue;
    out += table ? (*table)[byte] : c;
  }
  return makeBytes(std::move(out));
}

}  // namespace

void registerTranslateMethods(BuiltinTypes& t) {
  installStaticMethod(t.str, "maketrans", strMaketrans);
  t.str->dict()->setStr("translate", makeNativeMethod("translate", strTranslate, "str"));
  installStaticMethod(t.bytes, "maketrans", bytesMaketrans);
  t.bytes->dict()->setStr("translate", makeNativeMethod("translate", bytesTranslate, "bytes"));
}

}  // namespace gilsim
