// Unicode, once: UTF-8 encoding and decoding, the code point classes the language needs
// (identifier characters, printable, the str.isX classes) and the case mappings. The lexer, the
// str methods, repr and the format mini-language all use these, so `"a\u20ac".isidentifier()`
// and the lexer's verdict on `a€ = 1` cannot disagree, and both agree with CPython 3.11 (the
// tables are read off its str methods by gen_unicode_tables.py, in unicode_tables.cpp).
//
// Strings inside gilsim are UTF-8. The decoder is lenient so that no input can make a reader run
// past the end or loop: a byte that does not start a well-formed sequence decodes as U+FFFD and
// takes one byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gilsim {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;
inline constexpr char32_t kMaxCodePoint = 0x10FFFF;

struct DecodedCodePoint {
  char32_t codePoint;
  size_t length;  // bytes, at least 1, never past the end of the input
};

// The code point that starts at byte `pos` (< s.size()).
DecodedCodePoint decodeUtf8(std::string_view s, size_t pos);
// Decodes the code point at `pos` and moves `pos` past it.
inline char32_t decodeUtf8At(std::string_view s, size_t& pos) {
  auto lead = static_cast<unsigned char>(s[pos]);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  DecodedCodePoint d = decodeUtf8(s, pos);
  pos += d.length;
  return d.codePoint;
}
// Appends `codePoint` (<= kMaxCodePoint) as UTF-8; surrogates are encoded like any other.
void appendUtf8(std::string& out, char32_t codePoint);
// Code points in well-formed UTF-8 (every byte that is not a continuation byte starts one).
size_t utf8Length(std::string_view s);
// Well-formed UTF-8 as Python's 'utf-8' codec takes it: shortest forms, no surrogates, at most
// U+10FFFF.
bool utf8Valid(std::string_view s);
// Bytes taken by the first `n` code points of `s` (all of it when shorter).
size_t utf8PrefixBytes(std::string_view s, size_t n);

// XID_Start or '_': may begin an identifier (str.isidentifier of one character).
bool isIdentifierStart(char32_t codePoint);
// XID_Continue: may follow the first character of an identifier.
bool isIdentifierContinue(char32_t codePoint);
// str.isidentifier: a start character, then continue characters. (CPython's lexer normalises a
// non-ASCII name to NFKC first; gilsim takes names as written.)
bool isIdentifier(std::string_view utf8);
// str.isprintable of one character: not in the categories Cc, Cf, Cs, Co, Cn, Zl, Zp, nor Zs
// except the ASCII space. repr() escapes what is not printable.
bool isPrintable(char32_t codePoint);

// What CPython's str methods ask of one code point. gen_unicode_tables.py reads each off them;
// unicode_tables.cpp static_asserts these values.
enum UnicodeProperty : uint16_t {
  kPropAlpha = 1 << 0,          // isalpha: Lu, Ll, Lt, Lm, Lo
  kPropDecimal = 1 << 1,        // isdecimal: Nd, the digits int() and float() take
  kPropDigit = 1 << 2,          // isdigit: decimal, superscripts, circled digits...
  kPropNumeric = 1 << 3,        // isnumeric: digit, fractions, Roman and CJK numerals...
  kPropSpace = 1 << 4,          // isspace: bidi class B, S or WS, or Zs
  kPropUpper = 1 << 5,          // isupper of one character (Uppercase)
  kPropLower = 1 << 6,          // islower of one character (Lowercase)
  kPropTitle = 1 << 7,          // Lt: the digraphs like U+01C5
  kPropCased = 1 << 8,          // Cased: what title() lowers after
  kPropCaseIgnorable = 1 << 9,  // Case_Ignorable: what the final-sigma rule skips
};

namespace unicode_tables {
extern const uint16_t kAsciiProperties[128];
}
uint16_t nonAsciiProperties(char32_t codePoint);
// The UnicodeProperty bits of a code point; ASCII is one table read.
inline uint16_t unicodeProperties(char32_t codePoint) {
  return codePoint < 0x80 ? unicode_tables::kAsciiProperties[codePoint]
                          : nonAsciiProperties(codePoint);
}
// 0..9 for a decimal digit (kPropDecimal), else -1.
int decimalDigitValue(char32_t codePoint);

// Full case mappings of one code point, SpecialCasing's unconditional ones included ('ß' upper is
// "SS"): writes 1 to kMaxCaseMapping code points to `out` and returns how many. toLowerFull
// knows no context: str.lower's final sigma is the caller's.
inline constexpr size_t kMaxCaseMapping = 3;
size_t toUpperFull(char32_t codePoint, char32_t* out);
size_t toLowerFull(char32_t codePoint, char32_t* out);
size_t toTitleFull(char32_t codePoint, char32_t* out);
size_t toFoldedFull(char32_t codePoint, char32_t* out);

// The text int() and float() parse from a str, as CPython's
// _PyUnicode_TransformDecimalAndSpaceToASCII makes it: Unicode whitespace becomes ' ', a decimal
// digit its ASCII digit, and the first other non-ASCII character '?', where the text ends (so the
// parse fails). ASCII comes back as it is.
std::string decimalAndSpaceToAscii(std::string_view utf8);

}  // namespace gilsim
