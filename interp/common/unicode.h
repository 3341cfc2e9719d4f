// Unicode, once: UTF-8 encoding and decoding, and the code point classes the language needs
// (identifier characters, printable). The lexer, the str methods, repr and the format
// mini-language all use these, so `"a\u20ac".isidentifier()` and the lexer's verdict on `a€ = 1`
// cannot disagree, and both agree with CPython 3.11 (the tables are read off its str methods by
// gen_unicode_tables.py, in unicode_tables.cpp).
//
// Strings inside gilsim are UTF-8. The decoder is lenient so that no input can make a reader run
// past the end or loop: a byte that does not start a well-formed sequence decodes as U+FFFD and
// takes one byte.
#pragma once

#include <cstddef>
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

}  // namespace gilsim
