// Methods of str (bytes' are in bytes_methods.cpp).
#include <algorithm>

#include "interp/common/unicode.h"
#include "interp/objects/builtin_methods.h"
#include "interp/objects/codecs.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/formatting.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"
#include "interp/vm/interpreter.h"  // upward: the run's largest sequence (InterpreterConfig)
#include "interp/vm/vm.h"           // upward: the current VM for the sequence limit

namespace gilsim {

namespace {

StrObject* selfStr(const CallArgs& args, std::string_view method) {
  if (args.count == 0 || !isStr(args[0]))
    raiseTypeError("descriptor '{}' for 'str' objects doesn't apply to a '{}' object", method,
                   args.count ? typeName(args[0]) : "NoneType");
  return asStr(args[0]);
}

const std::string& argStr(const Value& v, std::string_view method) {
  if (!isStr(v)) raiseTypeError("{}() argument must be str, not {}", method, typeName(v));
  return asStr(v)->str();
}

bool isPySpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == '\x1c' || c == '\x1d' || c == '\x1e' ||
         c == '\x1f';
}

// Optional [start, end] code-point bounds, resolved like slice bounds.
void bounds(const CallArgs& args, size_t first, size_t length, size_t* start, size_t* end) {
  auto resolve = [&](size_t i, int64_t dflt) {
    if (args.count <= i || args[i].isNone()) return dflt;
    int64_t v = toIndex(args[i], "slice indices");
    if (v < 0) v = std::max<int64_t>(0, v + static_cast<int64_t>(length));
    return std::min<int64_t>(v, static_cast<int64_t>(length));
  };
  *start = static_cast<size_t>(resolve(first, 0));
  *end = static_cast<size_t>(resolve(first + 1, static_cast<int64_t>(length)));
}

// Code-point index of a byte offset.
size_t cpIndex(const StrObject* s, size_t byteOffset) {
  if (s->isAscii()) return byteOffset;
  return utf8Length(std::string_view(s->str()).substr(0, byteOffset));
}

int64_t findImpl(const CallArgs& args, const char* name, bool reverse) {
  StrObject* s = selfStr(args, name);
  expectMethodArgs(name, args, 1, 3);
  const std::string& sub = argStr(args[1], name);
  size_t start, end;
  bounds(args, 2, s->length(), &start, &end);
  if (start > end) return -1;
  size_t bs = s->byteOffset(start), be = s->byteOffset(end);
  std::string_view hay = std::string_view(s->str()).substr(bs, be - bs);
  size_t pos = reverse ? hay.rfind(sub) : hay.find(sub);
  if (pos == std::string_view::npos) return -1;
  return static_cast<int64_t>(cpIndex(s, bs + pos));
}

Value strFind(VM&, CallArgs args) {
  return Value::integer(findImpl(args, "find", false));
}
Value strRfind(VM&, CallArgs args) {
  return Value::integer(findImpl(args, "rfind", true));
}
Value strIndex(VM&, CallArgs args) {
  int64_t r = findImpl(args, "index", false);
  if (r < 0) raiseValueError("substring not found");
  return Value::integer(r);
}
Value strRindex(VM&, CallArgs args) {
  int64_t r = findImpl(args, "rindex", true);
  if (r < 0) raiseValueError("substring not found");
  return Value::integer(r);
}

Value strCount(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "count");
  expectMethodArgs("count", args, 1, 3);
  const std::string& sub = argStr(args[1], "count");
  size_t start, end;
  bounds(args, 2, s->length(), &start, &end);
  if (start > end) return Value::integer(0);
  size_t bs = s->byteOffset(start), be = s->byteOffset(end);
  std::string_view hay = std::string_view(s->str()).substr(bs, be - bs);
  if (sub.empty()) return Value::integer(static_cast<int64_t>(end - start + 1));
  int64_t n = 0;
  for (size_t pos = hay.find(sub); pos != std::string_view::npos;
       pos = hay.find(sub, pos + sub.size()))
    ++n;
  return Value::integer(n);
}

Value strAffix(const CallArgs& args, const char* name, bool prefix) {
  StrObject* s = selfStr(args, name);
  expectMethodArgs(name, args, 1, 3);
  size_t start, end;
  bounds(args, 2, s->length(), &start, &end);
  std::string_view hay;
  if (start <= end) {
    size_t bs = s->byteOffset(start), be = s->byteOffset(end);
    hay = std::string_view(s->str()).substr(bs, be - bs);
  } else {
    return Value::boolean(false);
  }
  auto test = [&](const Value& candidate) {
    if (!isStr(candidate))
      raiseTypeError("{} first arg must be str or a tuple of str, not {}", name,
                     typeName(candidate));
    const std::string& a = asStr(candidate)->str();
    if (a.size() > hay.size()) return false;
    return prefix ? hay.substr(0, a.size()) == a : hay.substr(hay.size() - a.size()) == a;
  };
  if (isTuple(args[1])) {
    for (const Value& v : args[1].as<TupleObject>()->items())
      if (test(v)) return Value::boolean(true);
    return Value::boolean(false);
  }
  return Value::boolean(test(args[1]));
}
Value strStartswith(VM&, CallArgs args) {
  return strAffix(args, "startswith", true);
}
Value strEndswith(VM&, CallArgs args) {
  return strAffix(args, "endswith", false);
}

Value stripImpl(const CallArgs& args, const char* name, bool left, bool right) {
  StrObject* s = selfStr(args, name);
  expectMethodArgs(name, args, 0, 1);
  const std::string& text = s->str();
  std::string chars;
  bool whitespace = args.count < 2 || args[1].isNone();
  if (!whitespace) chars = argStr(args[1], name);
  // Strip by code point so multi-byte characters in `chars` work.
  std::vector<std::pair<size_t, size_t>> cps;  // byte ranges
  for (size_t pos = 0; pos < text.size();) {
    size_t start = pos;
    decodeUtf8At(text, pos);
    cps.push_back({start, pos});
  }
  auto strip = [&](size_t i) {
    std::string_view cp = std::string_view(text).substr(cps[i].first, cps[i].second - cps[i].first);
    if (whitespace) return cp.size() == 1 && isPySpace(cp[0]);
    return chars.find(cp) != std::string::npos;
  };
  size_t b = 0, e = cps.size();
  if (left)
    while (b < e && strip(b))
      ++b;
  if (right)
    while (e > b && strip(e - 1))
      --e;
  if (b == e) return makeStr("");
  return makeStr(text.substr(cps[b].first, cps[e - 1].second - cps[b].first));
}
Value strStrip(VM&, CallArgs args) {
  return stripImpl(args, "strip", true, true);
}
Value strLstrip(VM&, CallArgs args) {
  return stripImpl(args, "lstrip", true, false);
}
Value strRstrip(VM&, CallArgs args) {
  return stripImpl(args, "rstrip", false, true);
}

Value splitImpl(VM&, const CallArgs& args, const char* name, bool reverse) {
  StrObject* s = selfStr(args, name);
  Value sepValue = Value::none();
  int64_t maxsplit = -1;
  size_t npos = forEachKeyword(args, [&](std::string_view key, const Value& v) {
    if (key == "sep")
      sepValue = v;
    else if (key == "maxsplit")
      maxsplit = toIndex(v, "maxsplit");
    else
      raiseTypeError("{}() got an unexpected keyword argument '{}'", name, key);
  });
  if (npos > 3) raiseTypeError("{}() takes at most 2 arguments ({} given)", name, npos - 1);
  if (npos > 1) sepValue = args[1];
  if (npos > 2) maxsplit = toIndex(args[2], "maxsplit");
  const std::string& text = s->str();
  std::vector<Value> parts;
  if (sepValue.isNone()) {
    std::vector<std::string> words;
    if (!reverse) {
      size_t i = 0;
      while (i < text.size()) {
        while (i < text.size() && isPySpace(text[i]))
          ++i;
        if (i >= text.size()) break;
        if (maxsplit >= 0 && static_cast<int64_t>(words.size()) == maxsplit) {
          words.push_back(text.substr(i));  // the rest keeps its trailing whitespace
          break;
        }
        size_t j = i;
        while (j < text.size() && !isPySpace(text[j]))
          ++j;
        words.push_back(text.substr(i, j - i));
        i = j;
      }
    } else {
      size_t i = text.size();
      while (i > 0) {
        while (i > 0 && isPySpace(text[i - 1]))
          --i;
        if (i == 0) break;
        if (maxsplit >= 0 && static_cast<int64_t>(words.size()) == maxsplit) {
          words.push_back(text.substr(0, i));  // the rest keeps its leading whitespace
          break;
        }
        size_t j = i;
        while (j > 0 && !isPySpace(text[j - 1]))
          --j;
        words.push_back(text.substr(j, i - j));
        i = j;
      }
      std::reverse(words.begin(), words.end());
    }
    for (auto& w : words)
      parts.push_back(makeStr(std::move(w)));
    chargeNativeWork(NativeCosts::kSplitPerPiece * static_cast<int64_t>(parts.size()));
    return makeList(std::move(parts));
  }
  const std::string& sep = argStr(sepValue, name);
  if (sep.empty()) raiseValueError("empty separator");
  std::vector<std::string> pieces;
  if (!reverse) {
    size_t start = 0;
    for (;;) {
      if (maxsplit >= 0 && static_cast<int64_t>(pieces.size()) == maxsplit) break;
      size_t pos = text.find(sep, start);
      if (pos == std::string::npos) break;
      pieces.push_back(text.substr(start, pos - start));
      start = pos + sep.size();
    }
    pieces.push_back(text.substr(start));
  } else {
    size_t end = text.size();
    for (;;) {
      if (maxsplit >= 0 && static_cast<int64_t>(pieces.size()) == maxsplit) break;
      if (end < sep.size()) break;
      size_t pos = text.rfind(sep, end - sep.size());
      if (pos == std::string::npos) break;
      pieces.push_back(text.substr(pos + sep.size(), end - pos - sep.size()));
      end = pos;
    }
    pieces.push_back(text.substr(0, end));
    std::reverse(pieces.begin(), pieces.end());
  }
  for (auto& p : pieces)
    parts.push_back(makeStr(std::move(p)));
  chargeNativeWork(NativeCosts::kSplitPerPiece * static_cast<int64_t>(parts.size()));
  return makeList(std::move(parts));
}
Value strSplit(VM& vm, CallArgs args) {
  return splitImpl(vm, args, "split", false);
}
Value strRsplit(VM& vm, CallArgs args) {
  return splitImpl(vm, args, "rsplit", true);
}

Value strSplitlines(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "splitlines");
  bool keepends = false;
  size_t npos = forEachKeyword(args, [&](std::string_view key, const Value& v) {
    if (key == "keepends")
      keepends = truthy(v);
    else
      raiseTypeError("splitlines() got an unexpected keyword argument '{}'", key);
  });
  if (npos > 1) keepends = truthy(args[1]);
  const std::string& t = s->str();
  std::vector<Value> out;
  size_t i = 0;
  while (i < t.size()) {
    size_t j = i;
    while (j < t.size() && t[j] != '\n' && t[j] != '\r')
      ++j;
    size_t eol = j;
    if (j < t.size()) {
      if (t[j] == '\r' && j + 1 < t.size() && t[j + 1] == '\n')
        j += 2;
      else
        ++j;
    }
    out.push_back(makeStr(t.substr(i, (keepends ? j : eol) - i)));
    i = j;
  }
  return makeList(std::move(out));
}

Value strJoin(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "join");
  expectMethodArgs("join", args, 1, 1);
  std::vector<Value> items = toVector(args[1]);
  chargeNativeWork(NativeCosts::kJoinPerPiece * static_cast<int64_t>(items.size()));
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!isStr(items[i]))
      raiseTypeError("sequence item {}: expected str instance, {} found", i, typeName(items[i]));
    if (i) out += s->str();
    out += asStr(items[i])->str();
  }
  return makeStr(std::move(out));
}

Value strReplace(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "replace");
  expectMethodArgs("replace", args, 2, 3);
  const std::string& from = argStr(args[1], "replace");
  const std::string& to = argStr(args[2], "replace");
  int64_t count = args.count > 3 ? toIndex(args[3], "count") : -1;
  const std::string& t = s->str();
  std::string out;
  if (from.empty()) {
    // Inserts `to` between code points, as CPython does.
    int64_t n = 0;
    size_t pos = 0;
    if (count != 0) {
      out += to;
      ++n;
    }
    while (pos < t.size()) {
      size_t start = pos;
      decodeUtf8At(t, pos);
      out.append(t, start, pos - start);
      if (count < 0 || n < count) {
        out += to;
        ++n;
      }
    }
    return makeStr(std::move(out));
  }
  size_t start = 0;
  int64_t n = 0;
  for (;;) {
    if (count >= 0 && n >= count) break;
    size_t pos = t.find(from, start);
    if (pos == std::string::npos) break;
    out.append(t, start, pos - start);
    out += to;
    start = pos + from.size();
    ++n;
  }
  out.append(t, start, std::string::npos);
  return makeStr(std::move(out));
}

// Case mapping and classification by unicode.h's tables, read off CPython 3.11. ASCII strings
// take a byte loop; elsewhere ASCII code points still skip the binary searches.
bool hasProperty(char32_t c, uint16_t bits) {
  return (unicodeProperties(c) & bits) != 0;
}

// U+03A3 lowers to the final form U+03C2 after a cased character and not before one, skipping
// case-ignorable ones both ways (CPython's handle_capital_sigma): 'ΑΣ'.lower() == 'ας'.
char32_t lowerSigma(const std::vector<char32_t>& cps, size_t i) {
  size_t j = i;
  while (j > 0 && hasProperty(cps[j - 1], kPropCaseIgnorable))
    --j;
  bool final = j > 0 && hasProperty(cps[j - 1], kPropCased);
  if (final) {
    size_t k = i + 1;
    while (k < cps.size() && hasProperty(cps[k], kPropCaseIgnorable))
      ++k;
    final = k == cps.size() || !hasProperty(cps[k], kPropCased);
  }
  return final ? 0x3C2 : 0x3C3;
}

enum class CaseOp { kUpper, kLower, kFold, kTitle, kCapitalize, kSwapcase };

// The rules of CPython's do_upper/do_lower/do_casefold/do_title/do_capitalize/do_swapcase:
// title() and capitalize() title-case a word's first character and lower the rest (context and
// all), swapcase() leaves title-case characters alone.
Value mapCase(const CallArgs& args, const char* name, CaseOp op) {
  StrObject* s = selfStr(args, name);
  expectMethodArgs(name, args, 0, 0);
  const std::string& text = s->str();
  std::string out;
  out.reserve(text.size());
  if (s->isAscii()) {
    bool previousCased = false;
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
      bool toUpper = op == CaseOp::kUpper || (op == CaseOp::kTitle && !previousCased) ||
                     (op == CaseOp::kCapitalize && i == 0) || (op == CaseOp::kSwapcase && lower);
      if (toUpper && lower)
        c = static_cast<char>(c - 32);
      else if (!toUpper && upper)
        c = static_cast<char>(c + 32);
      out.push_back(c);
      previousCased = upper || lower;
    }
    return makeStr(std::move(out));
  }
  std::vector<char32_t> cps;
  cps.reserve(text.size());
  for (size_t pos = 0; pos < text.size();)
    cps.push_back(decodeUtf8At(text, pos));
  bool previousCased = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    char32_t mapped[kMaxCaseMapping];
    size_t n = 0;
    bool lowerIt = false;
    switch (op) {
      case CaseOp::kUpper:
        n = toUpperFull(c, mapped);
        break;
      case CaseOp::kLower:
        lowerIt = true;
        break;
      case CaseOp::kFold:
        n = toFoldedFull(c, mapped);
        break;
      case CaseOp::kTitle:
        lowerIt = previousCased;
        if (!lowerIt) n = toTitleFull(c, mapped);
        previousCased = hasProperty(c, kPropCased);
        break;
      case CaseOp::kCapitalize:
        lowerIt = i > 0;
        if (!lowerIt) n = toTitleFull(c, mapped);
        break;
      case CaseOp::kSwapcase: {
        uint16_t props = unicodeProperties(c);
        lowerIt = props & kPropUpper;
        if (!lowerIt) {
          mapped[0] = c;
          n = props & kPropLower ? toUpperFull(c, mapped) : 1;
        }
        break;
      }
    }
    if (lowerIt) {
      if (c == 0x3A3) {
        mapped[0] = lowerSigma(cps, i);
        n = 1;
      } else {
        n = toLowerFull(c, mapped);
      }
    }
    for (size_t k = 0; k < n; ++k)
      appendUtf8(out, mapped[k]);
  }
  return makeStr(std::move(out));
}

Value strUpper(VM&, CallArgs args) {
  return mapCase(args, "upper", CaseOp::kUpper);
}
Value strLower(VM&, CallArgs args) {
  return mapCase(args, "lower", CaseOp::kLower);
}
Value strCasefold(VM&, CallArgs args) {
  return mapCase(args, "casefold", CaseOp::kFold);
}
Value strSwapcase(VM&, CallArgs args) {
  return mapCase(args, "swapcase", CaseOp::kSwapcase);
}
Value strTitle(VM&, CallArgs args) {
  return mapCase(args, "title", CaseOp::kTitle);
}
Value strCapitalize(VM&, CallArgs args) {
  return mapCase(args, "capitalize", CaseOp::kCapitalize);
}

template <class Pred>
Value classify(const CallArgs& args, const char* name, Pred pred, bool emptyResult = false) {
  StrObject* s = selfStr(args, name);
  expectMethodArgs(name, args, 0, 0);
  const std::string& t = s->str();
  if (t.empty()) return Value::boolean(emptyResult);
  size_t pos = 0;
  while (pos < t.size())
    if (!pred(decodeUtf8At(t, pos))) return Value::boolean(false);
  return Value::boolean(true);
}
Value strIsdigit(VM&, CallArgs args) {
  return classify(args, "isdigit", [](char32_t c) { return hasProperty(c, kPropDigit); });
}
Value strIsdecimal(VM&, CallArgs args) {
  return classify(args, "isdecimal", [](char32_t c) { return hasProperty(c, kPropDecimal); });
}
Value strIsnumeric(VM&, CallArgs args) {
  return classify(args, "isnumeric", [](char32_t c) { return hasProperty(c, kPropNumeric); });
}
Value strIsalpha(VM&, CallArgs args) {
  return classify(args, "isalpha", [](char32_t c) { return hasProperty(c, kPropAlpha); });
}
Value strIsalnum(VM&, CallArgs args) {
  return classify(args, "isalnum", [](char32_t c) {
    return hasProperty(c, kPropAlpha | kPropDecimal | kPropDigit | kPropNumeric);
  });
}
Value strIsspace(VM&, CallArgs args) {
  return classify(args, "isspace", [](char32_t c) { return hasProperty(c, kPropSpace); });
}

// CPython's rule: no lower-case (isupper) or upper-case (islower) character, none in title case,
// and at least one cased the asked way.
Value caseCheck(const CallArgs& args, const char* name, bool upper) {
  StrObject* s = selfStr(args, name);
  expectMethodArgs(name, args, 0, 0);
  const uint16_t wanted = upper ? kPropUpper : kPropLower;
  const uint16_t refused = kPropTitle | (upper ? kPropLower : kPropUpper);
  bool cased = false;
  const std::string& t = s->str();
  size_t pos = 0;
  while (pos < t.size()) {
    uint16_t props = unicodeProperties(decodeUtf8At(t, pos));
    if (props & refused) return Value::boolean(false);
    if (props & wanted) cased = true;
  }
  return Value::boolean(cased);
}
Value strIsupper(VM&, CallArgs args) {
  return caseCheck(args, "isupper", true);
}
Value strIslower(VM&, CallArgs args) {
  return caseCheck(args, "islower", false);
}

// repr()'s rule (interp/common/unicode.h): true for the empty string, as CPython says.
Value strIsprintable(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "isprintable");
  expectMethodArgs("isprintable", args, 0, 0);
  const std::string& t = s->str();
  size_t pos = 0;
  while (pos < t.size())
    if (!isPrintable(decodeUtf8At(t, pos))) return Value::boolean(false);
  return Value::boolean(true);
}

// Title case: every cased run starts with an upper-case letter (or a title-case one) and goes on
// in lower case; at least one cased character.
Value strIstitle(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "istitle");
  expectMethodArgs("istitle", args, 0, 0);
  const std::string& t = s->str();
  bool cased = false, previousCased = false;
  size_t pos = 0;
  while (pos < t.size()) {
    uint16_t props = unicodeProperties(decodeUtf8At(t, pos));
    if (props & (kPropUpper | kPropTitle)) {
      if (previousCased) return Value::boolean(false);
      previousCased = cased = true;
    } else if (props & kPropLower) {
      if (!previousCased) return Value::boolean(false);
      previousCased = cased = true;
    } else {
      previousCased = false;
    }
  }
  return Value::boolean(cased);
}

// Tabs to spaces up to the next multiple of tabsize; the column restarts at \n and \r.
Value strExpandtabs(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "expandtabs");
  Value size;
  size_t positional = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name != "tabsize")
      raiseTypeError("expandtabs() got an unexpected keyword argument '{}'", name);
    size = v;
  });
  if (positional > 2)
    raiseTypeError("expandtabs() takes at most 1 argument ({} given)", positional - 1);
  if (positional == 2) size = args[1];
  int64_t tabsize = size.isNull() ? 8 : toIndex(size, "tabsize");
  const std::string& t = s->str();
  std::string out;
  int64_t column = 0;
  size_t pos = 0;
  while (pos < t.size()) {
    size_t start = pos;
    uint32_t c = decodeUtf8At(t, pos);
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        out.append(static_cast<size_t>(spaces), ' ');
        column += spaces;
      }
    } else {
      out.append(t, start, pos - start);
      column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
  }
  return makeStr(std::move(out));
}

// UTF-8 keeps ASCII as single bytes below 0x80 and everything else at 0x80 or above.
Value strIsascii(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "isascii");
  expectMethodArgs("isascii", args, 0, 0);
  for (unsigned char c : s->str())
    if (c >= 0x80) return Value::boolean(false);
  return Value::boolean(true);
}

// The lexer's rule (interp/common/unicode.h), so a name the lexer takes is an identifier here.
Value strIsidentifier(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "isidentifier");
  expectMethodArgs("isidentifier", args, 0, 0);
  return Value::boolean(isIdentifier(s->str()));
}

Value padImpl(const CallArgs& args, const char* name, char align) {
  StrObject* s = selfStr(args, name);
  expectMethodArgs(name, args, 1, 2);
  int64_t width = toIndex(args[1], "width");
  std::string fill = " ";
  if (args.count > 2) {
    if (!isStr(args[2]) || asStr(args[2])->length() != 1)
      raiseTypeError("The fill character must be exactly one character long");
    fill = asStr(args[2])->str();
  }
  int64_t len = static_cast<int64_t>(s->length());
  if (width <= len) return args[0];
  if (width > static_cast<int64_t>(VM::current()->interp().config().maxSequenceLength))
    raiseMemoryError("");
  int64_t total = width - len;
  int64_t left = align == '<' ? 0 : align == '>' ? total : total / 2 + (total & width & 1);
  int64_t right = total - left;
  std::string out;
  for (int64_t i = 0; i < left; ++i)
    out += fill;
  out += s->str();
  for (int64_t i = 0; i < right; ++i)
    out += fill;
  return makeStr(std::move(out));
}
Value strLjust(VM&, CallArgs args) {
  return padImpl(args, "ljust", '<');
}
Value strRjust(VM&, CallArgs args) {
  return padImpl(args, "rjust", '>');
}
Value strCenter(VM&, CallArgs args) {
  return padImpl(args, "center", '^');
}

Value strZfill(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "zfill");
  expectMethodArgs("zfill", args, 1, 1);
  int64_t width = toIndex(args[1], "width");
  const std::string& t = s->str();
  int64_t len = static_cast<int64_t>(s->length());
  if (width <= len) return args[0];
  std::string out;
  size_t start = 0;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    out += t[0];
    start = 1;
  }
  out.append(static_cast<size_t>(width - len), '0');
  out.append(t, start, std::string::npos);
  return makeStr(std::move(out));
}

Value partitionImpl(const CallArgs& args, const char* name, bool reverse) {
  StrObject* s = selfStr(args, name);
  expectMethodArgs(name, args, 1, 1);
  const std::string& sep = argStr(args[1], name);
  if (sep.empty()) raiseValueError("empty separator");
  const std::string& t = s->str();
  size_t pos = reverse ? t.rfind(sep) : t.find(sep);
  if (pos == std::string::npos) {
    if (reverse) return makeTuple({makeStr(""), makeStr(""), args[0]});
    return makeTuple({args[0], makeStr(""), makeStr("")});
  }
  return makeTuple({makeStr(t.substr(0, pos)), args[1], makeStr(t.substr(pos + sep.size()))});
}
Value strPartition(VM&, CallArgs args) {
  return partitionImpl(args, "partition", false);
}
Value strRpartition(VM&, CallArgs args) {
  return partitionImpl(args, "rpartition", true);
}

Value strEncode(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "encode");
  const CodecChoice c = codecArguments(args, 1, "encode");
  return makeBytes(encodeText(s->str(), c.codec, c.errors));
}

Value strFormatMethod(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "format");
  return makeStr(strFormat(s->str(), args));
}

Value strFormatMap(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "format_map");
  expectMethodArgs("format_map", args, 1, 1);
  return makeStr(strFormatMap(s->str(), args[0], args[1]));
}

Value strRemoveprefix(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "removeprefix");
  expectMethodArgs("removeprefix", args, 1, 1);
  const std::string& p = argStr(args[1], "removeprefix");
  if (s->str().compare(0, p.size(), p) == 0) return makeStr(s->str().substr(p.size()));
  return args[0];
}
Value strRemovesuffix(VM&, CallArgs args) {
  StrObject* s = selfStr(args, "removesuffix");
  expectMethodArgs("removesuffix", args, 1, 1);
  const std::string& p = argStr(args[1], "removesuffix");
  const std::string& t = s->str();
  if (!p.empty() && t.size() >= p.size() && t.compare(t.size() - p.size(), p.size(), p) == 0)
    return makeStr(t.substr(0, t.size() - p.size()));
  return args[0];
}

struct Method {
  const char* name;
  NativeFn fn;
};

void install(TypeObject* type, std::initializer_list<Method> methods) {
  for (const Method& m : methods)
    type->dict()->setStr(m.name, makeNativeMethod(m.name, m.fn, type->name()));
}

}  // namespace

void registerStrMethods(BuiltinTypes& t) {
  install(t.str, {{"find", strFind},
                  {"rfind", strRfind},
                  {"index", strIndex},
                  {"rindex", strRindex},
                  {"count", strCount},
                  {"startswith", strStartswith},
                  {"endswith", strEndswith},
                  {"strip", strStrip},
                  {"lstrip", strLstrip},
                  {"rstrip", strRstrip},
                  {"split", strSplit},
                  {"rsplit", strRsplit},
                  {"splitlines", strSplitlines},
                  {"join", strJoin},
                  {"replace", strReplace},
                  {"upper", strUpper},
                  {"lower", strLower},
                  {"casefold", strCasefold},
                  {"swapcase", strSwapcase},
                  {"title", strTitle},
                  {"capitalize", strCapitalize},
                  {"isdigit", strIsdigit},
                  {"isdecimal", strIsdecimal},
                  {"isnumeric", strIsnumeric},
                  {"isalpha", strIsalpha},
                  {"isalnum", strIsalnum},
                  {"isspace", strIsspace},
                  {"isupper", strIsupper},
                  {"islower", strIslower},
                  {"isidentifier", strIsidentifier},
                  {"isprintable", strIsprintable},
                  {"isascii", strIsascii},
                  {"istitle", strIstitle},
                  {"expandtabs", strExpandtabs},
                  {"ljust", strLjust},
                  {"rjust", strRjust},
                  {"center", strCenter},
                  {"zfill", strZfill},
                  {"partition", strPartition},
                  {"rpartition", strRpartition},
                  {"encode", strEncode},
                  {"format", strFormatMethod},
                  {"format_map", strFormatMap},
                  {"removeprefix", strRemoveprefix},
                  {"removesuffix", strRemovesuffix}});
}

}  // namespace gilsim
