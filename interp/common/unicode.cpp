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

}  // namespace gilsim
