#include "interp/common/unicode.h"

#include <algorithm>

#include "interp/common/unicode_tables.h"

namespace gilsim {

namespace {

using unicode_tables::CodePointRange;

bool inRanges(const CodePointRange* ranges, size_t count, char32_t cp) {
  const CodePointRange* end = ranges + count;
  const CodePointRange* it = std::upper_bound(
      ranges, end, cp,
      [](char32_t value, const CodePointRange& range) { return value < range.lo; });
  return it != ranges && cp <= (it - 1)->hi;
}

// The run of `table` that holds cp, if its span [lo, hi] does.
const unicode_tables::CaseRange* findCaseRange(const unicode_tables::CaseRange* table, size_t count,
                                               char32_t cp) {
  const unicode_tables::CaseRange* end = table + count;
  const unicode_tables::CaseRange* it = std::upper_bound(
      table, end, cp,
      [](char32_t value, const unicode_tables::CaseRange& range) { return value < range.lo; });
  if (it == table) return nullptr;
  --it;
  return cp <= it->hi ? it : nullptr;
}

// Maps cp through one table; 0 when the table leaves cp to the fallback.
size_t mapThrough(const unicode_tables::CaseRange* table, size_t count, char32_t cp,
                  char32_t* out) {
  const unicode_tables::CaseRange* r = findCaseRange(table, count, cp);
  if (!r) return 0;
  if (r->stride == 0) {
    const char32_t* special = unicode_tables::kCaseSpecial[r->delta];
    size_t n = 0;
    for (; n < kMaxCaseMapping && special[n]; ++n)
      out[n] = special[n];
    return n;
  }
  // A stride-2 run spans the code points between its members, which map to themselves.
  if ((cp - r->lo) % r->stride != 0) return 0;
  out[0] = static_cast<char32_t>(static_cast<int32_t>(cp) + r->delta);
  return 1;
}

const unicode_tables::PropertyRun* findPropertyRun(char32_t cp) {
  using unicode_tables::kProperties;
  using unicode_tables::PropertyRun;
  const PropertyRun* end = kProperties + unicode_tables::kPropertiesCount;
  const PropertyRun* it = std::upper_bound(
      kProperties, end, cp, [](char32_t value, const PropertyRun& run) { return value < run.lo; });
  return it - 1;  // the first run starts at U+0080
}

bool isContinuationByte(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

}  // namespace

DecodedCodePoint decodeUtf8(std::string_view s, size_t pos) {
  auto lead = static_cast<unsigned char>(s[pos]);
  if (lead < 0x80) return {lead, 1};
  size_t length;
  char32_t cp;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    cp = lead & 0x07;
  } else {
    return {kReplacementCharacter, 1};
  }
  if (pos + length > s.size()) return {kReplacementCharacter, 1};
  for (size_t k = 1; k < length; ++k) {
    auto b = static_cast<unsigned char>(s[pos + k]);
    if (!isContinuationByte(b)) return {kReplacementCharacter, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, length};
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    n += !isContinuationByte(c);
  return n;
}

bool utf8Valid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    DecodedCodePoint d = decodeUtf8(s, i);
    char32_t cp = d.codePoint;
    bool overlong = (d.length == 2 && cp < 0x80) || (d.length == 3 && cp < 0x800) ||
                    (d.length == 4 && cp < 0x10000);
    // A lone replacement of one byte is a malformed sequence; a real U+FFFD takes three.
    if (d.length == 1 || overlong || cp > kMaxCodePoint || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += d.length;
  }
  return true;
}

size_t utf8PrefixBytes(std::string_view s, size_t n) {
  size_t i = 0;
  for (; i < s.size() && n > 0; --n)
    i += decodeUtf8(s, i).length;
  return i;
}

bool isIdentifierStart(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
  return inRanges(unicode_tables::kIdentifierStart, unicode_tables::kIdentifierStartCount, cp);
}

bool isIdentifierContinue(char32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '_';
  return inRanges(unicode_tables::kIdentifierContinue, unicode_tables::kIdentifierContinueCount,
                  cp);
}

bool isIdentifier(std::string_view utf8) {
  if (utf8.empty()) return false;
  size_t pos = 0;
  if (!isIdentifierStart(decodeUtf8At(utf8, pos))) return false;
  while (pos < utf8.size())
    if (!isIdentifierContinue(decodeUtf8At(utf8, pos))) return false;
  return true;
}

bool isPrintable(char32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp != 0x7F;
  return inRanges(unicode_tables::kPrintable, unicode_tables::kPrintableCount, cp);
}

uint16_t nonAsciiProperties(char32_t cp) {
  if (cp > kMaxCodePoint) return 0;
  return static_cast<uint16_t>(findPropertyRun(cp)->bits);
}

int decimalDigitValue(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9' ? static_cast<int>(cp - '0') : -1;
  if (cp > kMaxCodePoint) return -1;
  const unicode_tables::PropertyRun* run = findPropertyRun(cp);
  // Unicode encodes decimal digits in contiguous runs 0..9 (the generator checks it).
  if (!(run->bits & kPropDecimal)) return -1;
  return static_cast<int>((cp - run->lo) % 10);
}

size_t toUpperFull(char32_t cp, char32_t* out) {
  if (cp < 0x80) {
    out[0] = cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
    return 1;
  }
  if (size_t n = mapThrough(unicode_tables::kUpper, unicode_tables::kUpperCount, cp, out)) return n;
  out[0] = cp;
  return 1;
}

size_t toLowerFull(char32_t cp, char32_t* out) {
  if (cp < 0x80) {
    out[0] = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    return 1;
  }
  if (size_t n = mapThrough(unicode_tables::kLower, unicode_tables::kLowerCount, cp, out)) return n;
  out[0] = cp;
  return 1;
}

size_t toTitleFull(char32_t cp, char32_t* out) {
  if (cp < 0x80) return toUpperFull(cp, out);
  if (size_t n = mapThrough(unicode_tables::kTitle, unicode_tables::kTitleCount, cp, out)) return n;
  out[0] = cp;
  return 1;
}

size_t toFoldedFull(char32_t cp, char32_t* out) {
  if (cp < 0x80) return toLowerFull(cp, out);
  if (size_t n = mapThrough(unicode_tables::kFold, unicode_tables::kFoldCount, cp, out)) return n;
  return toLowerFull(cp, out);
}

std::string decimalAndSpaceToAscii(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t cp = decodeUtf8At(utf8, pos);
    if (cp < 0x7F) {
      out.push_back(static_cast<char>(cp));
    } else if (unicodeProperties(cp) & kPropSpace) {
      out.push_back(' ');
    } else if (int d = decimalDigitValue(cp); d >= 0) {
      out.push_back(static_cast<char>('0' + d));
    } else {
      out.push_back('?');
      break;
    }
  }
  return out;
}

}  // namespace gilsim
