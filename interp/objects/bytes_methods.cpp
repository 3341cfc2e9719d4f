// Methods of bytes and bytearray. Each method has one implementation for both types: it reads the
// receiver's bytes whatever its type, and its results take the receiver's type, as CPython's do.
// Everything is ASCII-only, as CPython's bytes: whitespace is b' \t\n\r\x0b\x0c', letters and
// digits are ASCII, and no byte >= 0x80 is alpha, space or cased. bytearray's mutating methods and
// dunders are in bytearray_object.cpp; translate/maketrans are in string_translate.cpp.
#include <algorithm>
#include <array>
#include <climits>
#include <cstdlib>

#include "interp/objects/builtin_methods.h"
#include "interp/objects/bytearray_object.h"
#include "interp/objects/codecs.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"
#include "interp/vm/interpreter.h"  // upward: the run's largest sequence (InterpreterConfig)
#include "interp/vm/vm.h"           // upward: the current VM for the sequence limit

namespace gilsim {

namespace {

// The receiver of a method that bytes and bytearray share.
struct Receiver {
  Value value;
  bool byteArray;

  // Read afresh after the arguments are converted: an __index__ or an iterator may have resized
  // a bytearray in the meantime.
  std::string_view data() const { return *bytesLikeData(value); }
  const char* typeName() const { return byteArray ? "bytearray" : "bytes"; }
  Value make(std::string bytes) const {
    return byteArray ? makeByteArray(std::move(bytes)) : makeBytes(std::move(bytes));
  }
  // What a method gives back when it changes nothing: bytes itself (CPython returns an exact
  // bytes unchanged), a new bytearray.
  Value unchanged() const {
    if (!byteArray && value.type() == builtinTypes().bytes) return value;
    return make(std::string(data()));
  }
};

template <bool kByteArray>
Receiver receiver(const CallArgs& args, const char* method) {
  const char* owner = kByteArray ? "bytearray" : "bytes";
  if (args.positionalCount() == 0)
    raiseTypeError("unbound method {}.{}() needs an argument", owner, method);
  if (kByteArray ? !isByteArray(args[0]) : !isBytes(args[0]))
    raiseTypeError("descriptor '{}' for '{}' objects doesn't apply to a '{}' object", method, owner,
                   gilsim::typeName(args[0]));
  return {args[0], kByteArray};
}

// ---- arguments, checked with the messages of CPython's argument parsers ----

void rejectKeywords(const CallArgs& args, const Receiver& self, const char* method) {
  if (args.keywordCount())
    raiseTypeError("{}.{}() takes no keyword arguments", self.typeName(), method);
}

// METH_NOARGS.
void noArguments(const CallArgs& args, const Receiver& self, const char* method) {
  rejectKeywords(args, self, method);
  if (args.count != 1)
    raiseTypeError("{}.{}() takes no arguments ({} given)", self.typeName(), method,
                   args.count - 1);
}

// METH_O.
void oneArgument(const CallArgs& args, const char* owner, const char* method) {
  if (args.keywordCount()) raiseTypeError("{}.{}() takes no keyword arguments", owner, method);
  if (args.count != 2)
    raiseTypeError("{}.{}() takes exactly one argument ({} given)", owner, method, args.count - 1);
}
void oneArgument(const CallArgs& args, const Receiver& self, const char* method) {
  oneArgument(args, self.typeName(), method);
}

// Argument Clinic's positional-only parameters.
void positionalArguments(const CallArgs& args, const Receiver& self, const char* method, size_t min,
                         size_t max) {
  rejectKeywords(args, self, method);
  expectMethodArgs(method, args, min, max);
}

// PyArg_ParseTuple's count check (find, count, startswith and the like).
void tupleArguments(const CallArgs& args, const Receiver& self, const char* method, size_t min,
                    size_t max) {
  rejectKeywords(args, self, method);
  size_t n = args.count - 1;
  if (n < min)
    raiseTypeError("{}() takes at least {} argument{} ({} given)", method, min, min == 1 ? "" : "s",
                   n);
  if (n > max)
    raiseTypeError("{}() takes at most {} argument{} ({} given)", method, max, max == 1 ? "" : "s",
                   n);
}

// Argument Clinic's parameters that may also be passed by keyword, all optional: the values in
// parameter order, Null where absent.
template <size_t N>
std::array<Value, N> keywordArguments(const CallArgs& args, const char* method,
                                      const std::array<std::string_view, N>& names) {
  std::array<Value, N> out;
  const size_t nkw = args.keywordCount();
  const size_t npos = args.count - nkw - 1;
  if (npos + nkw > N)
    raiseTypeError("{}() takes at most {} {}argument{} ({} given)", method, N,
                   npos == 0 ? "keyword " : "", N == 1 ? "" : "s", npos + nkw);
  for (size_t i = 0; i < npos; ++i)
    out[i] = args[1 + i];
  auto keyword = [&](size_t k) { return asStr(args.kwnames->items()[k])->view(); };
  for (size_t i = 0; i < npos; ++i)
    for (size_t k = 0; k < nkw; ++k)
      if (keyword(k) == names[i])
        raiseTypeError("argument for {}() given by name ('{}') and position ({})", method, names[i],
                       i + 1);
  for (size_t k = 0; k < nkw; ++k) {
    auto at = std::find(names.begin(), names.end(), keyword(k));
    if (at == names.end())
      raiseTypeError("'{}' is an invalid keyword argument for {}()", keyword(k), method);
    out[static_cast<size_t>(at - names.begin())] = args[1 + npos + k];
  }
  return out;
}

// An int argument (or an object with __index__), as CPython's index conversion.
Value indexValue(const Value& v) {
  if (isInt(v)) return v;
  if (v.isObject() && !v.object()->type()->isBuiltin()) {
    Value r = callSpecial(v, "__index__", {});
    if (!r.isNull()) {
      if (!isInt(r)) raiseTypeError("__index__ returned non-int (type {})", gilsim::typeName(r));
      return r;
    }
  }
  raiseTypeError("'{}' object cannot be interpreted as an integer", gilsim::typeName(v));
}

int64_t ssizeArgument(const Value& v) {
  int64_t n;
  if (!intFitsInt64(indexValue(v), &n))
    raiseOverflowError("Python int too large to convert to C ssize_t");
  return n;
}

int intArgument(const Value& v) {
  int64_t n;
  if (!intFitsInt64(indexValue(v), &n) || n < INT_MIN || n > INT_MAX)
    raiseOverflowError("Python int too large to convert to C int");
  return static_cast<int>(n);
}

// A start or end of find, count, startswith...: None is the default, and huge ints are clamped
// (_PyEval_SliceIndex).
int64_t sliceIndex(const CallArgs& args, size_t i, int64_t dflt) {
  if (args.count <= i || args[i].isNone()) return dflt;
  const Value& v = args[i];
  if (!isInt(v) && !(v.isObject() && !v.object()->type()->isBuiltin() &&
                     !lookupSpecial(v, "__index__").isNull()))
    raiseTypeError("slice indices must be integers or None or have an __index__ method");
  Value index = indexValue(v);
  int64_t n;
  if (intFitsInt64(index, &n)) return n;
  return intSign(index) < 0 ? INT64_MIN : INT64_MAX;
}

// The [start, end) of find, count, startswith... as CPython's ADJUST_INDICES leaves it: end in
// [0, len], start >= 0 but possibly past end (which finds nothing).
struct Span {
  int64_t start;
  int64_t end;
};
Span spanArguments(const CallArgs& args, size_t first) {
  return {sliceIndex(args, first, 0), sliceIndex(args, first + 1, INT64_MAX)};
}
Span adjust(Span s, size_t size) {
  const auto len = static_cast<int64_t>(size);
  if (s.end > len) {
    s.end = len;
  } else if (s.end < 0) {
    s.end = std::max<int64_t>(0, s.end + len);
  }
  if (s.start < 0) s.start = std::max<int64_t>(0, s.start + len);
  return s;
}

std::string bytesLike(const Value& v) {
  const std::string* data = bytesLikeData(v);
  if (!data) raiseTypeError("a bytes-like object is required, not '{}'", gilsim::typeName(v));
  return *data;
}

// The needle of find, count and the like: a byte as an int, or bytes-like.
std::string needle(const Value& v) {
  if (isInt(v)) {
    int64_t byte;
    if (!intFitsInt64(v, &byte) || byte < 0 || byte > 255)
      raiseValueError("byte must be in range(0, 256)");
    return std::string(1, static_cast<char>(byte));
  }
  const std::string* data = bytesLikeData(v);
  if (!data)
    raiseTypeError("argument should be integer or bytes-like object, not '{}'",
                   gilsim::typeName(v));
  return *data;
}

void checkLength(double n) {
  if (n > static_cast<double>(VM::current()->interp().config().maxSequenceLength))
    raiseMemoryError("");
}

bool isSpace(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
bool isLowerAscii(unsigned char c) {
  return c >= 'a' && c <= 'z';
}
bool isUpperAscii(unsigned char c) {
  return c >= 'A' && c <= 'Z';
}
bool isAlpha(unsigned char c) {
  return isLowerAscii(c) || isUpperAscii(c);
}
bool isDigit(unsigned char c) {
  return c >= '0' && c <= '9';
}
char toUpper(unsigned char c) {
  return static_cast<char>(isLowerAscii(c) ? c - 'a' + 'A' : c);
}
char toLower(unsigned char c) {
  return static_cast<char>(isUpperAscii(c) ? c - 'A' + 'a' : c);
}

Value listOf(const Receiver& self, std::vector<std::string> pieces) {
  std::vector<Value> parts;
  parts.reserve(pieces.size());
  for (std::string& p : pieces)
    parts.push_back(self.make(std::move(p)));
  chargeNativeWork(NativeCosts::kSplitPerPiece * static_cast<int64_t>(parts.size()));
  return makeList(std::move(parts));
}

// ---- decode, hex, fromhex ----

template <bool kByteArray>
Value bytesDecode(VM&, CallArgs args) {
  const Receiver self = receiver<kByteArray>(args, "decode");
  keywordArguments<2>(args, "decode", {"encoding", "errors"});
  const CodecChoice c = codecArguments(args, 1, "decode");
  return makeStr(decodeBytes(self.data(), c.codec, c.errors));
}

template <bool kByteArray>
Value bytesHex(VM&, CallArgs args) {
  const Receiver self = receiver<kByteArray>(args, "hex");
  auto [sep, perSep] = keywordArguments<2>(args, "hex", {"sep", "bytes_per_sep"});
  const int group = perSep.isNull() ? 1 : intArgument(perSep);
  char sepChar = 0;
  if (!sep.isNull()) {
    if (length(sep) != 1) raiseValueError("sep must be length 1.");
    unsigned char c;
    if (isStr(sep)) {
      size_t pos = 0;
      char32_t cp = decodeUtf8At(asStr(sep)->view(), pos);
      c = cp > 127 ? 0x80 : static_cast<unsigned char>(cp);
    } else if (isBytes(sep)) {
      c = static_cast<unsigned char>(sep.as<BytesObject>()->data()[0]);
    } else {
      raiseTypeError("sep must be str or bytes.");
    }
    if (c > 127) raiseValueError("sep must be ASCII.");
    sepChar = static_cast<char>(c);
  }
  std::string_view data = self.data();
  const size_t n = data.size();
  const size_t every = static_cast<size_t>(std::abs(static_cast<int64_t>(group)));
  std::string out;
  out.reserve(n * 3);
  for (size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(data[i]);
    out += "0123456789abcdef"[c >> 4];
    out += "0123456789abcdef"[c & 15];
    if (sep.isNull() || group == 0 || i + 1 == n) continue;
    // A positive bytes_per_sep counts the groups from the right, a negative one from the left.
    if ((group > 0 ? n - 1 - i : i + 1) % every == 0) out += sepChar;
  }
  return makeStr(std::move(out));
}

int hexDigit(unsigned char c) {
  if (isDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A classmethod: args[0] is the class, and a subclass gets cls(the bytes), as in CPython.
template <bool kByteArray>
Value bytesFromhex(VM& vm, CallArgs args) {
  oneArgument(args, kByteArray ? "bytearray" : "bytes", "fromhex");
  if (!isStr(args[1]))
    raiseTypeError("fromhex() argument must be str, not {}", gilsim::typeName(args[1]));
  StrObject* s = asStr(args[1]);
  std::string_view text = s->view();
  auto invalid = [](size_t at) {
    raiseValueError("non-hexadecimal number found in fromhex() arg at position {}", at);
  };
  if (!s->isAscii()) {
    size_t pos = 0, index = 0;
    while (decodeUtf8At(text, pos) < 0x80)
      ++index;
    invalid(index);
  }
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (isSpace(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    int top = hexDigit(static_cast<unsigned char>(text[i]));
    if (top < 0) invalid(i);
    int bottom = i + 1 < text.size() ? hexDigit(static_cast<unsigned char>(text[i + 1])) : -1;
    if (bottom < 0) invalid(i + 1);
    out += static_cast<char>(top * 16 + bottom);
    i += 2;
  }
  Value result = kByteArray ? makeByteArray(std::move(out)) : makeBytes(std::move(out));
  const TypeObject* exact = kByteArray ? byteArrayType() : builtinTypes().bytes;
  if (args[0].isObject() && args[0].object() == exact) return result;
  return vm.call(args[0], {result});
}

// ---- searching ----

enum class Search { Find, Rfind, Index, Rindex, Count };

Value search(const Receiver& self, const CallArgs& args, const char* method, Search how) {
  tupleArguments(args, self, method, 1, 3);
  const Span given = spanArguments(args, 2);
  const std::string sub = needle(args[1]);
  std::string_view data = self.data();
  const Span s = adjust(given, data.size());
  const auto subLen = static_cast<int64_t>(sub.size());
  if (how == Search::Count) {
    if (s.end - s.start < subLen) return Value::integer(0);
    std::string_view hay = data.substr(s.start, s.end - s.start);
    if (sub.empty()) return Value::integer(static_cast<int64_t>(hay.size()) + 1);
    int64_t n = 0;
    for (size_t pos = hay.find(sub); pos != std::string_view::npos;
         pos = hay.find(sub, pos + sub.size()))
      ++n;
    return Value::integer(n);
  }
  int64_t found = -1;
  if (s.end - s.start >= subLen) {
    std::string_view hay = data.substr(s.start, s.end - s.start);
    const bool backward = how == Search::Rfind || how == Search::Rindex;
    size_t pos = backward ? hay.rfind(sub) : hay.find(sub);
    if (pos != std::string_view::npos) found = s.start + static_cast<int64_t>(pos);
  }
  if (found < 0 && (how == Search::Index || how == Search::Rindex))
    raiseValueError("subsection not found");
  return Value::integer(found);
}

template <bool kByteArray>
Value bytesCount(VM&, CallArgs args) {
  return search(receiver<kByteArray>(args, "count"), args, "count", Search::Count);
}
template <bool kByteArray>
Value bytesFind(VM&, CallArgs args) {
  return search(receiver<kByteArray>(args, "find"), args, "find", Search::Find);
}
template <bool kByteArray>
Value bytesRfind(VM&, CallArgs args) {
  return search(receiver<kByteArray>(args, "rfind"), args, "rfind", Search::Rfind);
}
template <bool kByteArray>
Value bytesIndex(VM&, CallArgs args) {
  return search(receiver<kByteArray>(args, "index"), args, "index", Search::Index);
}
template <bool kByteArray>
Value bytesRindex(VM&, CallArgs args) {
  return search(receiver<kByteArray>(args, "rindex"), args, "rindex", Search::Rindex);
}

// startswith / endswith, CPython's tailmatch.
Value affix(const Receiver& self, const CallArgs& args, const char* method, bool prefix) {
  tupleArguments(args, self, method, 1, 3);
  const Span given = spanArguments(args, 2);
  auto matches = [&](const std::string& sub) {
    std::string_view data = self.data();
    Span s = adjust(given, data.size());
    const auto len = static_cast<int64_t>(data.size());
    const auto subLen = static_cast<int64_t>(sub.size());
    if (prefix) {
      if (s.start > len - subLen) return false;
    } else {
      if (s.end - s.start < subLen || s.start > len) return false;
      s.start = std::max(s.start, s.end - subLen);
    }
    if (s.end - s.start < subLen) return false;
    return data.substr(s.start, sub.size()) == sub;
  };
  if (isTuple(args[1])) {
    for (const Value& v : args[1].as<TupleObject>()->items())
      if (matches(bytesLike(v))) return Value::boolean(true);
    return Value::boolean(false);
  }
  const std::string* sub = bytesLikeData(args[1]);
  if (!sub)
    raiseTypeError("{} first arg must be bytes or a tuple of bytes, not {}", method,
                   gilsim::typeName(args[1]));
  return Value::boolean(matches(*sub));
}

template <bool kByteArray>
Value bytesStartswith(VM&, CallArgs args) {
  return affix(receiver<kByteArray>(args, "startswith"), args, "startswith", true);
}
template <bool kByteArray>
Value bytesEndswith(VM&, CallArgs args) {
  return affix(receiver<kByteArray>(args, "endswith"), args, "endswith", false);
}

// ---- splitting and joining ----

Value split(const Receiver& self, const CallArgs& args, const char* method, bool reverse) {
  auto [sepArg, maxArg] = keywordArguments<2>(args, method, {"sep", "maxsplit"});
  const int64_t maxsplit = maxArg.isNull() ? -1 : ssizeArgument(maxArg);
  auto full = [&](size_t pieces) {
    return maxsplit >= 0 && static_cast<int64_t>(pieces) >= maxsplit;
  };
  std::vector<std::string> pieces;
  if (sepArg.isNull() || sepArg.isNone()) {
    std::string_view t = self.data();
    auto space = [&](size_t i) { return isSpace(static_cast<unsigned char>(t[i])); };
    if (!reverse) {
      size_t i = 0;
      for (;;) {
        while (i < t.size() && space(i))
          ++i;
        if (i == t.size()) break;
        if (full(pieces.size())) {
          pieces.emplace_back(t.substr(i));  // the rest keeps its trailing whitespace
          break;
        }
        size_t j = i;
        while (j < t.size() && !space(j))
          ++j;
        pieces.emplace_back(t.substr(i, j - i));
        i = j;
      }
    } else {
      size_t i = t.size();
      for (;;) {
        while (i > 0 && space(i - 1))
          --i;
        if (i == 0) break;
        if (full(pieces.size())) {
          pieces.emplace_back(t.substr(0, i));  // the rest keeps its leading whitespace
          break;
        }
        size_t j = i;
        while (j > 0 && !space(j - 1))
          --j;
        pieces.emplace_back(t.substr(j, i - j));
        i = j;
      }
      std::reverse(pieces.begin(), pieces.end());
    }
    return listOf(self, std::move(pieces));
  }
  const std::string sep = bytesLike(sepArg);
  if (sep.empty()) raiseValueError("empty separator");
  std::string_view t = self.data();
  if (!reverse) {
    size_t start = 0;
    for (size_t pos; !full(pieces.size()) && (pos = t.find(sep, start)) != std::string_view::npos;
         start = pos + sep.size())
      pieces.emplace_back(t.substr(start, pos - start));
    pieces.emplace_back(t.substr(start));
  } else {
    size_t end = t.size();
    while (!full(pieces.size()) && end >= sep.size()) {
      size_t pos = t.rfind(sep, end - sep.size());
      if (pos == std::string_view::npos) break;
      pieces.emplace_back(t.substr(pos + sep.size(), end - pos - sep.size()));
      end = pos;
    }
    pieces.emplace_back(t.substr(0, end));
    std::reverse(pieces.begin(), pieces.end());
  }
  return listOf(self, std::move(pieces));
}

template <bool kByteArray>
Value bytesSplit(VM&, CallArgs args) {
  return split(receiver<kByteArray>(args, "split"), args, "split", false);
}
template <bool kByteArray>
Value bytesRsplit(VM&, CallArgs args) {
  return split(receiver<kByteArray>(args, "rsplit"), args, "rsplit", true);
}

// Only \n, \r and \r\n end lines in bytes.
template <bool kByteArray>
Value bytesSplitlines(VM&, CallArgs args) {
  const Receiver self = receiver<kByteArray>(args, "splitlines");
  auto [keepArg] = keywordArguments<1>(args, "splitlines", {"keepends"});
  const bool keepends = !keepArg.isNull() && intArgument(keepArg) != 0;
  std::string_view t = self.data();
  std::vector<std::string> lines;
  for (size_t i = 0; i < t.size();) {
    size_t eol = i;
    while (eol < t.size() && t[eol] != '\n' && t[eol] != '\r')
      ++eol;
    size_t next = eol;
    if (next < t.size())
      next += t[next] == '\r' && next + 1 < t.size() && t[next + 1] == '\n' ? 2 : 1;
    lines.emplace_back(t.substr(i, (keepends ? next : eol) - i));
    i = next;
  }
  return listOf(self, std::move(lines));
}

Value partition(const Receiver& self, const CallArgs& args, const char* method, bool reverse) {
  oneArgument(args, self, method);
  const std::string sep = bytesLike(args[1]);
  if (sep.empty()) raiseValueError("empty separator");
  std::string_view t = self.data();
  size_t pos = reverse ? t.rfind(sep) : t.find(sep);
  if (pos == std::string_view::npos) {
    if (reverse) return makeTuple({self.make(""), self.make(""), self.unchanged()});
    return makeTuple({self.unchanged(), self.make(""), self.make("")});
  }
  // bytes gives back the separator object it was passed, whatever its type; bytearray a copy.
  return makeTuple({self.make(std::string(t.substr(0, pos))),
                    self.byteArray ? self.make(sep) : args[1],
                    self.make(std::string(t.substr(pos + sep.size())))});
}

template <bool kByteArray>
Value bytesPartition(VM&, CallArgs args) {
  return partition(receiver<kByteArray>(args, "partition"), args, "partition", false);
}
template <bool kByteArray>
Value bytesRpartition(VM&, CallArgs args) {
  return partition(receiver<kByteArray>(args, "rpartition"), args, "rpartition", true);
}

template <bool kByteArray>
Value bytesJoin(VM&, CallArgs args) {
  const Receiver self = receiver<kByteArray>(args, "join");
  oneArgument(args, self, "join");
  Value iterator;
  try {
    iterator = getIter(args[1]);
  } catch (PyException& e) {
    if (isInstance(e.exception, builtinTypes().TypeError))
      raiseTypeError("can only join an iterable");
    throw;
  }
  std::vector<Value> items;
  for (Value item; iterNextInNativeLoop(iterator, &item);)
    items.push_back(item);
  chargeNativeWork(NativeCosts::kJoinPerPiece * static_cast<int64_t>(items.size()));
  const std::string sep(self.data());
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string* piece = bytesLikeData(items[i]);
    if (!piece)
      raiseTypeError("sequence item {}: expected a bytes-like object, {} found", i,
                     gilsim::typeName(items[i]));
    if (i) out += sep;
    out += *piece;
    checkLength(static_cast<double>(out.size()));
  }
  return self.make(std::move(out));
}

// ---- new bytes from old ----

Value strip(const Receiver& self, const CallArgs& args, const char* method, bool left, bool right) {
  positionalArguments(args, self, method, 0, 1);
  const bool whitespace = args.count < 2 || args[1].isNone();
  const std::string chars = whitespace ? std::string() : bytesLike(args[1]);
  std::string_view t = self.data();
  auto stripped = [&](char c) {
    return whitespace ? isSpace(static_cast<unsigned char>(c)) : chars.find(c) != std::string::npos;
  };
  size_t b = 0, e = t.size();
  if (left)
    while (b < e && stripped(t[b]))
      ++b;
  if (right)
    while (e > b && stripped(t[e - 1]))
      --e;
  if (b == 0 && e == t.size()) return self.unchanged();
  return self.make(std::string(t.substr(b, e - b)));
}

template <bool kByteArray>
Value bytesStrip(VM&, CallArgs args) {
  return strip(receiver<kByteArray>(args, "strip"), args, "strip", true, true);
}
template <bool kByteArray>
Value bytesLstrip(VM&, CallArgs args) {
  return strip(receiver<kByteArray>(args, "lstrip"), args, "lstrip", true, false);
}
template <bool kByteArray>
Value bytesRstrip(VM&, CallArgs args) {
  return strip(receiver<kByteArray>(args, "rstrip"), args, "rstrip", false, true);
}

template <bool kByteArray>
Value bytesReplace(VM&, CallArgs args) {
  const Receiver self = receiver<kByteArray>(args, "replace");
  positionalArguments(args, self, "replace", 2, 3);
  const std::string from = bytesLike(args[1]);
  const std::string to = bytesLike(args[2]);
  const int64_t count = args.count > 3 ? ssizeArgument(args[3]) : -1;
  std::string_view t = self.data();
  auto more = [&](int64_t done) { return count < 0 || done < count; };
  std::string out;
  int64_t n = 0;
  if (from.empty()) {
    // `to` goes before every byte and at the end, as CPython's replace_interleave.
    for (size_t i = 0; i <= t.size(); ++i) {
      if (more(n)) {
        checkLength(static_cast<double>(out.size() + to.size()));
        out += to;
        ++n;
      }
      if (i < t.size()) out += t[i];
    }
  } else {
    size_t start = 0;
    for (size_t pos; more(n) && (pos = t.find(from, start)) != std::string_view::npos;
         start = pos + from.size(), ++n) {
      out.append(t.substr(start, pos - start));
      out += to;
      checkLength(static_cast<double>(out.size()));
    }
    out.append(t.substr(start));
  }
  if (n == 0) return self.unchanged();
  return self.make(std::move(out));
}

Value pad(const Receiver& self, const CallArgs& args, const char* method, char align) {
  positionalArguments(args, self, method, 1, 2);
  const int64_t width = ssizeArgument(args[1]);
  char fill = ' ';
  if (args.count > 2) {
    const std::string* f = bytesLikeData(args[2]);
    if (!f || f->size() != 1)
      raiseTypeError("{}() argument 2 must be a byte string of length 1, not {}", method,
                     gilsim::typeName(args[2]));
    fill = (*f)[0];
  }
  std::string_view t = self.data();
  const auto len = static_cast<int64_t>(t.size());
  if (width <= len) return self.unchanged();
  checkLength(static_cast<double>(width));
  const int64_t total = width - len;
  const int64_t left = align == '<' ? 0 : align == '>' ? total : total / 2 + (total & width & 1);
  std::string out(static_cast<size_t>(left), fill);
  out += t;
  out.append(static_cast<size_t>(total - left), fill);
  return self.make(std::move(out));
}

template <bool kByteArray>
Value bytesLjust(VM&, CallArgs args) {
  return pad(receiver<kByteArray>(args, "ljust"), args, "ljust", '<');
}
template <bool kByteArray>
Value bytesRjust(VM&, CallArgs args) {
  return pad(receiver<kByteArray>(args, "rjust"), args, "rjust", '>');
}
template <bool kByteArray>
Value bytesCenter(VM&, CallArgs args) {
  return pad(receiver<kByteArray>(args, "center"), args, "center", '^');
}

template <bool kByteArray>
Value bytesZfill(VM&, CallArgs args) {
  const Receiver self = receiver<kByteArray>(args, "zfill");
  oneArgument(args, self, "zfill");
  const int64_t width = ssizeArgument(args[1]);
  std::string_view t = self.data();
  const auto len = static_cast<int64_t>(t.size());
  if (width <= len) return self.unchanged();
  checkLength(static_cast<double>(width));
  std::string out(static_cast<size_t>(width - len), '0');
  out += t;
  // A sign moves in front of the zeros.
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) std::swap(out[0], out[out.size() - t.size()]);
  return self.make(std::move(out));
}

template <bool kByteArray>
Value bytesRemoveprefix(VM&, CallArgs args) {
  const Receiver self = receiver<kByteArray>(args, "removeprefix");
  oneArgument(args, self, "removeprefix");
  const std::string prefix = bytesLike(args[1]);
  std::string_view t = self.data();
  if (prefix.empty() || !t.starts_with(prefix)) return self.unchanged();
  return self.make(std::string(t.substr(prefix.size())));
}

template <bool kByteArray>
Value bytesRemovesuffix(VM&, CallArgs args) {
  const Receiver self = receiver<kByteArray>(args, "removesuffix");
  oneArgument(args, self, "removesuffix");
  const std::string suffix = bytesLike(args[1]);
  std::string_view t = self.data();
  if (suffix.empty() || !t.ends_with(suffix)) return self.unchanged();
  return self.make(std::string(t.substr(0, t.size() - suffix.size())));
}

template <bool kByteArray>
Value bytesExpandtabs(VM&, CallArgs args) {
  const Receiver self = receiver<kByteArray>(args, "expandtabs");
  auto [sizeArg] = keywordArguments<1>(args, "expandtabs", {"tabsize"});
  const int tabsize = sizeArg.isNull() ? 8 : intArgument(sizeArg);
  std::string_view t = self.data();
  std::string out;
  size_t column = 0;
  for (char c : t) {
    if (c == '\t') {
      if (tabsize <= 0) continue;  // a tab then expands to nothing
      const size_t spaces = static_cast<size_t>(tabsize) - column % static_cast<size_t>(tabsize);
      checkLength(static_cast<double>(out.size() + spaces));
      out.append(spaces, ' ');
      column += spaces;
      continue;
    }
    out += c;
    column = c == '\n' || c == '\r' ? 0 : column + 1;
  }
  return self.make(std::move(out));
}

// Maps every byte through `f(byte, previousWasCased)`.
template <class F>
Value mapBytes(const Receiver& self, const CallArgs& args, const char* method, F f) {
  noArguments(args, self, method);
  std::string out(self.data());
  bool previousCased = false;
  for (char& c : out) {
    auto byte = static_cast<unsigned char>(c);
    c = f(byte, previousCased);
    previousCased = isAlpha(byte);
  }
  return self.make(std::move(out));
}

template <bool kByteArray>
Value bytesUpper(VM&, CallArgs args) {
  return mapBytes(receiver<kByteArray>(args, "upper"), args, "upper",
                  [](unsigned char c, bool) { return toUpper(c); });
}
template <bool kByteArray>
Value bytesLower(VM&, CallArgs args) {
  return mapBytes(receiver<kByteArray>(args, "lower"), args, "lower",
                  [](unsigned char c, bool) { return toLower(c); });
}
template <bool kByteArray>
Value bytesSwapcase(VM&, CallArgs args) {
  return mapBytes(receiver<kByteArray>(args, "swapcase"), args, "swapcase",
                  [](unsigned char c, bool) { return isUpperAscii(c) ? toLower(c) : toUpper(c); });
}
template <bool kByteArray>
Value bytesTitle(VM&, CallArgs args) {
  return mapBytes(
      receiver<kByteArray>(args, "title"), args, "title",
      [](unsigned char c, bool previousCased) { return previousCased ? toLower(c) : toUpper(c); });
}
template <bool kByteArray>
Value bytesCapitalize(VM&, CallArgs args) {
  bool first = true;
  return mapBytes(receiver<kByteArray>(args, "capitalize"), args, "capitalize",
                  [&first](unsigned char c, bool) {
                    bool upper = first;
                    first = false;
                    return upper ? toUpper(c) : toLower(c);
                  });
}

// ---- classification ----

// True when every byte satisfies `pred`; `emptyResult` for no bytes.
Value classify(const Receiver& self, const CallArgs& args, const char* method,
               bool (*pred)(unsigned char), bool emptyResult = false) {
  noArguments(args, self, method);
  std::string_view t = self.data();
  if (t.empty()) return Value::boolean(emptyResult);
  return Value::boolean(
      std::all_of(t.begin(), t.end(), [&](char c) { return pred(static_cast<unsigned char>(c)); }));
}

template <bool kByteArray>
Value bytesIsalpha(VM&, CallArgs args) {
  return classify(receiver<kByteArray>(args, "isalpha"), args, "isalpha", isAlpha);
}
template <bool kByteArray>
Value bytesIsdigit(VM&, CallArgs args) {
  return classify(receiver<kByteArray>(args, "isdigit"), args, "isdigit", isDigit);
}
template <bool kByteArray>
Value bytesIsalnum(VM&, CallArgs args) {
  return classify(receiver<kByteArray>(args, "isalnum"), args, "isalnum",
                  [](unsigned char c) { return isAlpha(c) || isDigit(c); });
}
template <bool kByteArray>
Value bytesIsspace(VM&, CallArgs args) {
  return classify(receiver<kByteArray>(args, "isspace"), args, "isspace", isSpace);
}
template <bool kByteArray>
Value bytesIsascii(VM&, CallArgs args) {
  return classify(
      receiver<kByteArray>(args, "isascii"), args, "isascii",
      [](unsigned char c) { return c < 0x80; }, true);
}

// isupper / islower: at least one cased byte, and none of the other case.
Value caseCheck(const Receiver& self, const CallArgs& args, const char* method, bool upper) {
  noArguments(args, self, method);
  bool cased = false;
  for (char ch : self.data()) {
    auto c = static_cast<unsigned char>(ch);
    if (upper ? isLowerAscii(c) : isUpperAscii(c)) return Value::boolean(false);
    cased = cased || isAlpha(c);
  }
  return Value::boolean(cased);
}

template <bool kByteArray>
Value bytesIsupper(VM&, CallArgs args) {
  return caseCheck(receiver<kByteArray>(args, "isupper"), args, "isupper", true);
}
template <bool kByteArray>
Value bytesIslower(VM&, CallArgs args) {
  return caseCheck(receiver<kByteArray>(args, "islower"), args, "islower", false);
}

// Upper case only after an uncased byte, lower case only after a cased one, and some case.
template <bool kByteArray>
Value bytesIstitle(VM&, CallArgs args) {
  const Receiver self = receiver<kByteArray>(args, "istitle");
  noArguments(args, self, "istitle");
  bool cased = false, previousCased = false;
  for (char ch : self.data()) {
    auto c = static_cast<unsigned char>(ch);
    if (isUpperAscii(c) || isLowerAscii(c)) {
      if (previousCased == isUpperAscii(c)) return Value::boolean(false);
      previousCased = cased = true;
    } else {
      previousCased = false;
    }
  }
  return Value::boolean(cased);
}

// ---- registration ----

struct Method {
  const char* name;
  NativeFn fn;
};

template <bool kByteArray>
void installShared(TypeObject* type) {
  const Method methods[] = {{"decode", bytesDecode<kByteArray>},
                            {"hex", bytesHex<kByteArray>},
                            {"count", bytesCount<kByteArray>},
                            {"find", bytesFind<kByteArray>},
                            {"rfind", bytesRfind<kByteArray>},
                            {"index", bytesIndex<kByteArray>},
                            {"rindex", bytesRindex<kByteArray>},
                            {"startswith", bytesStartswith<kByteArray>},
                            {"endswith", bytesEndswith<kByteArray>},
                            {"split", bytesSplit<kByteArray>},
                            {"rsplit", bytesRsplit<kByteArray>},
                            {"splitlines", bytesSplitlines<kByteArray>},
                            {"partition", bytesPartition<kByteArray>},
                            {"rpartition", bytesRpartition<kByteArray>},
                            {"join", bytesJoin<kByteArray>},
                            {"strip", bytesStrip<kByteArray>},
                            {"lstrip", bytesLstrip<kByteArray>},
                            {"rstrip", bytesRstrip<kByteArray>},
                            {"replace", bytesReplace<kByteArray>},
                            {"ljust", bytesLjust<kByteArray>},
                            {"rjust", bytesRjust<kByteArray>},
                            {"center", bytesCenter<kByteArray>},
                            {"zfill", bytesZfill<kByteArray>},
                            {"removeprefix", bytesRemoveprefix<kByteArray>},
                            {"removesuffix", bytesRemovesuffix<kByteArray>},
                            {"expandtabs", bytesExpandtabs<kByteArray>},
                            {"upper", bytesUpper<kByteArray>},
                            {"lower", bytesLower<kByteArray>},
                            {"swapcase", bytesSwapcase<kByteArray>},
                            {"title", bytesTitle<kByteArray>},
                            {"capitalize", bytesCapitalize<kByteArray>},
                            {"isalpha", bytesIsalpha<kByteArray>},
                            {"isdigit", bytesIsdigit<kByteArray>},
                            {"isalnum", bytesIsalnum<kByteArray>},
                            {"isspace", bytesIsspace<kByteArray>},
                            {"isascii", bytesIsascii<kByteArray>},
                            {"isupper", bytesIsupper<kByteArray>},
                            {"islower", bytesIslower<kByteArray>},
                            {"istitle", bytesIstitle<kByteArray>}};
  for (const Method& m : methods)
    type->dict()->setStr(m.name, makeNativeMethod(m.name, m.fn, type->name()));
  installClassMethod(type, "fromhex", bytesFromhex<kByteArray>);
}

}  // namespace

void registerBytesMethods(BuiltinTypes& t) {
  installShared<false>(t.bytes);
  // bytearray is a native type, shared by every interpreter like the built-in ones: its methods
  // live outside any heap and are immortal, as makeNativeType makes its first ones.
  Heap::Scope noHeap(nullptr);
  TypeObject* byteArray = byteArrayType();
  installShared<true>(byteArray);
  for (const DictObject::Entry& e : byteArray->dict()->entries()) {
    if (e.key.isObject()) e.key.object()->makeImmortal();
    if (e.value.isObject()) e.value.object()->makeImmortal();
  }
}

}  // namespace gilsim
