#include "interp/objects/formatting.h"

#include <algorithm>
#include <stdexcept>

#include "interp/objects/bytearray_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/float_repr.h"
#include "interp/objects/format_spec.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/int_str_limit.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/vm/vm.h"  // upward: __format__ runs Python code

namespace gilsim {

namespace {

// Runs a format_spec function, turning its C++ errors into Python exceptions.
template <class F>
std::string guarded(F&& f) {
  try {
    return f();
  } catch (const FormatError& e) {
    raiseValueError("{}", e.what());
  } catch (const std::overflow_error& e) {
    raiseOverflowError("{}", e.what());
  }
}

}  // namespace

std::string formatValue(const Value& v, std::string_view spec) {
  if (v.isObject() && !v.object()->type()->isBuiltin()) {
    Value fn = lookupSpecial(v, "__format__");
    if (!fn.isNull() && fn.type() == builtinTypes().function) {
      Value r = VM::current()->call(fn, {v, makeStr(spec)});
      if (!isStr(r)) raiseTypeError("__format__ must return a str, not {}", typeName(r));
      return asStr(r)->str();
    }
  }
  if (spec.empty()) return str(v);
  chargeNativeWork(NativeCosts::kFormatSpec);
  const std::string& name = typeName(v);
  if (isInt(v)) {
    return guarded([&] {
      FormatSpec parsed = parseFormatSpec(spec, name);
      BigInt value = toBigInt(v);
      if (parsed.type == 0 || parsed.type == 'd' || parsed.type == 'n') checkIntToStrDigits(value);
      return formatInteger(value, parsed, name);
    });
  }
  if (v.isFloat()) {
    return guarded([&] { return formatFloat(v.real(), parseFormatSpec(spec, name), name); });
  }
  if (isStr(v)) {
    return guarded(
        [&] { return formatString(asStr(v)->str(), parseFormatSpec(spec, name), name); });
  }
  raiseTypeError("unsupported format string passed to {}.__format__", name);
}

namespace {

// CPython takes the right operand of `fmt % args` as the mapping of "%(key)s" whenever its type
// has __getitem__, unless it is a tuple or a string of the format's own kind (for bytes, also
// bytearray).
bool isFormatMapping(const Value& args, bool bytes) {
  if (isTuple(args) || isStr(args)) return false;
  if (isBytes(args) || isByteArray(args)) return !bytes;
  if (isDict(args) || isList(args) || args.type() == builtinTypes().range) return true;
  return args.isObject() && !args.object()->type()->isBuiltin() &&
         !lookupSpecial(args, "__getitem__").isNull();
}

// bytes are formatted as the code points U+0000..U+00FF (Latin-1), so that the str machinery,
// which counts code points, counts bytes; the result is turned back into bytes.
std::string latin1ToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (char c : bytes)
    appendUtf8(out, static_cast<unsigned char>(c));
  return out;
}
std::string utf8ToLatin1(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();)
    out += static_cast<char>(decodeUtf8At(utf8, pos));
  return out;
}

// The operand of bytes' %b and %s: bytes-like, or what __bytes__ returns.
std::string bytesOperand(const Value& v) {
  if (const std::string* data = bytesLikeData(v)) return *data;
  if (v.isObject() && !v.object()->type()->isBuiltin()) {
    Value r = callSpecial(v, "__bytes__", {});
    if (!r.isNull()) {
      if (!isBytes(r)) raiseTypeError("__bytes__ returned non-bytes (type {})", typeName(r));
      return r.as<BytesObject>()->data();
    }
  }
  raiseTypeError(
      "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
      typeName(v));
}

// The byte of bytes' %c: an int in range(256) or a bytes-like object of one byte.
char byteOperand(const Value& v) {
  if (const std::string* data = bytesLikeData(v); data && data->size() == 1) return (*data)[0];
  if (!isInt(v)) raiseTypeError("%c requires an integer in range(256) or a single byte");
  int64_t n;
  if (!intFitsInt64(v, &n) || n < 0 || n > 255) raiseOverflowError("%c arg not in range(256)");
  return static_cast<char>(n);
}

// `format % args` for str, or for bytes (`bytes`: format is then Latin-1 as UTF-8, as is the
// result), as CPython's PyUnicode_Format and _PyBytes_FormatEx.
std::string percentFormatText(const std::string& format, const Value& args, bool bytes) {
  std::vector<PercentPiece> pieces;
  try {
    pieces = parsePercentFormat(format, bytes);
  } catch (const FormatError& e) {
    raiseValueError("{}", e.what());
  }
  bool isTupleArgs = isTuple(args);
  bool isMapping = isFormatMapping(args, bytes);
  std::vector<Value> positional;
  if (isTupleArgs)
    positional = args.as<TupleObject>()->items();
  else
    positional.push_back(args);
  size_t next = 0;
  auto nextArg = [&]() -> Value {
    if (next >= positional.size()) raiseTypeError("not enough arguments for format string");
    return positional[next++];
  };
  std::string out;
  for (PercentPiece& piece : pieces) {
    if (piece.conversion == 0) {
      out += piece.literal;
      continue;
    }
    if (piece.conversion == 'b') piece.conversion = 's';  // the same in bytes
    if (piece.hasKey) {
      if (!isMapping) raiseTypeError("format requires a mapping");
      // The item is then the only argument left, for this piece's '*'s too and for any later
      // piece without a key.
      positional = {getItem(
          args, bytes ? makeBytes(utf8ToLatin1(piece.mappingKey)) : makeStr(piece.mappingKey))};
      next = 0;
    }
    guarded([&] {
      if (piece.widthFromArg) {
        Value w = nextArg();
        if (!isInt(w)) raiseTypeError("* wants int");
        setPercentStarWidth(piece, toIndex(w, "width"));
      }
      if (piece.precisionFromArg) {
        Value p = nextArg();
        if (!isInt(p)) raiseTypeError("* wants int");
        setPercentStarPrecision(piece, toIndex(p, "precision"));
      }
      return std::string();
    });
    Value value = nextArg();
    char c = piece.conversion;
    out += guarded([&]() -> std::string {
      switch (c) {
        case 's':
          if (bytes) return formatPercentString(latin1ToUtf8(bytesOperand(value)), piece);
          return formatPercentString(str(value), piece);
        case 'r':  // bytes' %r is %a
          return formatPercentString(bytes ? ascii(value) : repr(value), piece);
        case 'a':
          return formatPercentString(ascii(value), piece);
        case 'c':
          if (bytes)
            return formatPercentString(latin1ToUtf8(std::string(1, byteOperand(value))), piece);
          if (isInt(value)) return formatPercentInteger(toBigInt(value), piece);
          if (isStr(value) && asStr(value)->length() == 1)
            return formatPercentString(asStr(value)->str(), piece);
          raiseTypeError("%c requires int or char");
        default:
          break;
      }
      bool integerOnly = c == 'o' || c == 'x' || c == 'X';
      bool floatOnly = !integerOnly && c != 'd' && c != 'i' && c != 'u';
      if (isInt(value)) {
        BigInt big = toBigInt(value);
        if (c == 'd' || c == 'i' || c == 'u') checkIntToStrDigits(big);  // the decimal routes
        try {
          return formatPercentInteger(big, piece);
        } catch (const std::overflow_error&) {
          // bytes words every failed conversion to float so.
          if (bytes && floatOnly)
            raiseTypeError("float argument required, not {}", typeName(value));
          throw;
        }
      }
      if (value.isFloat()) {
        if (integerOnly) raiseTypeError("%{} format: an integer is required, not float", c);
        return formatPercentFloat(value.real(), piece);
      }
      if (integerOnly)
        raiseTypeError("%{} format: an integer is required, not {}", c, typeName(value));
      if (floatOnly && bytes) raiseTypeError("float argument required, not {}", typeName(value));
      if (floatOnly) raiseTypeError("must be real number, not {}", typeName(value));
      raiseTypeError("%{} format: a real number is required, not {}", c, typeName(value));
    });
  }
  if (!isMapping && next < positional.size())
    raiseTypeError("not all arguments converted during {} formatting", bytes ? "bytes" : "string");
  return out;
}

}  // namespace

Value percentFormat(const std::string& format, const Value& args) {
  return makeStr(percentFormatText(format, args, false));
}

std::string bytesPercentFormat(std::string_view format, const Value& args) {
  return utf8ToLatin1(percentFormatText(latin1ToUtf8(format), args, true));
}

namespace {

struct FormatState {
  CallArgs args;
  Value mapping;  // str.format_map's: named fields are its items
  int autoIndex = 0;
  bool manual = false;
  bool automatic = false;
};

Value keywordArgument(const CallArgs& args, std::string_view name) {
  size_t nkw = args.keywordCount();
  size_t npos = args.count - nkw;
  for (size_t i = 0; i < nkw; ++i) {
    const Value& key = args.kwnames->items()[i];
    if (asStr(key)->view() == name) return args.args[npos + i];
  }
  return Value();
}

Value resolveField(FormatState& state, std::string_view field) {
  // field: arg_name ("." attribute | "[" index "]")*
  size_t end = 0;
  while (end < field.size() && field[end] != '.' && field[end] != '[')
    ++end;
  std::string_view head = field.substr(0, end);
  Value value;
  size_t positional = state.args.positionalCount();
  auto positionalArg = [&](size_t index) {
    if (index + 1 >= positional)
      raiseIndexError("Replacement index {} out of range for positional args tuple", index);
    return state.args.args[index + 1];
  };
  if (!state.mapping.isNull() && (head.empty() || std::all_of(head.begin(), head.end(), [](char c) {
                                    return c >= '0' && c <= '9';
                                  })))
    raiseValueError("Format string contains positional fields");
  if (head.empty()) {
    if (state.manual)
      raiseValueError("cannot switch from manual field specification to automatic field numbering");
    state.automatic = true;
    value = positionalArg(static_cast<size_t>(state.autoIndex++));
  } else if (std::all_of(head.begin(), head.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (state.automatic)
      raiseValueError("cannot switch from automatic field numbering to manual field specification");
    state.manual = true;
    value = positionalArg(std::stoul(std::string(head.substr(0, 18))));
  } else if (!state.mapping.isNull()) {
    value = getItem(state.mapping, makeStr(head));
  } else {
    value = keywordArgument(state.args, head);
    if (value.isNull())
      raiseException(newException(builtinTypes().KeyError, std::vector<Value>{makeStr(head)}));
  }
  size_t pos = end;
  while (pos < field.size()) {
    if (field[pos] == '.') {
      size_t start = ++pos;
      while (pos < field.size() && field[pos] != '.' && field[pos] != '[')
        ++pos;
      if (pos == start) raiseValueError("Empty attribute in format string");
      value = getAttr(value, field.substr(start, pos - start));
    } else {
      size_t close = field.find(']', pos);
      if (close == std::string_view::npos) raiseValueError("Missing ']' in format string");
      std::string_view key = field.substr(pos + 1, close - pos - 1);
      if (key.empty()) raiseValueError("Empty attribute in format string");
      Value k;
      if (std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
          key.size() < 18)
        k = Value::integer(std::stoll(std::string(key)));
      else
        k = makeStr(key);
      value = getItem(value, k);
      pos = close + 1;
      if (pos < field.size() && field[pos] != '.' && field[pos] != '[')
        raiseValueError("Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return value;
}

std::string expand(FormatState& state, std::string_view format, int depth) {
  if (depth > 2) raiseValueError("Max string recursion exceeded");
  std::string out;
  size_t i = 0;
  while (i < format.size()) {
    char c = format[i];
    if (c == '}') {
      if (i + 1 < format.size() && format[i + 1] == '}') {
        out += '}';
        i += 2;
        continue;
      }
      raiseValueError("Single '}}' encountered in format string");
    }
    if (c != '{') {
      out += c;
      ++i;
      continue;
    }
    if (i + 1 < format.size() && format[i + 1] == '{') {
      out += '{';
      i += 2;
      continue;
    }
    // Find the matching close brace, allowing nested {} inside the spec.
    size_t j = i + 1;
    int nesting = 1;
    size_t bracket = 0;
    while (j < format.size()) {
      if (format[j] == '[')
        ++bracket;
      else if (format[j] == ']' && bracket)
        --bracket;
      else if (format[j] == '{')
        ++nesting;
      else if (format[j] == '}' && --nesting == 0)
        break;
      ++j;
    }
    if (j >= format.size()) {
      raiseValueError("{}", nesting > 1 ? "unmatched '{' in format spec"
                                        : "Single '{' encountered in format string");
    }
    std::string_view field = format.substr(i + 1, j - i - 1);
    i = j + 1;
    // Split off !conversion and :spec (outside brackets).
    size_t fieldEnd = 0;
    size_t inBracket = 0;
    while (fieldEnd < field.size()) {
      char f = field[fieldEnd];
      if (f == '[')
        ++inBracket;
      else if (f == ']' && inBracket)
        --inBracket;
      else if (!inBracket && (f == '!' || f == ':'))
        break;
      ++fieldEnd;
    }
    std::string_view name = field.substr(0, fieldEnd);
    char conversion = 0;
    std::string spec;
    size_t rest = fieldEnd;
    if (rest < field.size() && field[rest] == '!') {
      if (rest + 1 >= field.size())
        raiseValueError("end of string while looking for conversion specifier");
      conversion = field[rest + 1];
      rest += 2;
      if (rest < field.size() && field[rest] != ':')
        raiseValueError("expected ':' after conversion specifier");
    }
    // The field is resolved before its nested spec fields, as CPython numbers them.
    Value value = resolveField(state, name);
    if (rest < field.size() && field[rest] == ':')
      spec = expand(state, field.substr(rest + 1), depth + 1);
    switch (conversion) {
      case 0:
        break;
      case 'r':
        value = makeStr(repr(value));
        break;
      case 's':
        value = makeStr(str(value));
        break;
      case 'a':
        value = makeStr(ascii(value));
        break;
      default:
        raiseValueError("Unknown conversion specifier {}", conversion);
    }
    out += formatValue(value, spec);
  }
  return out;
}

}  // namespace

std::string strFormat(const std::string& format, CallArgs args) {
  FormatState state{args, Value()};
  return expand(state, format, 0);
}

std::string strFormatMap(const std::string& format, const Value& self, const Value& mapping) {
  Value templateArg = self;
  FormatState state{CallArgs{&templateArg, 1, nullptr}, mapping};
  return expand(state, format, 0);
}

}  // namespace gilsim
