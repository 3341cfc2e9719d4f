#include "interp/objects/codecs.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "interp/common/unicode.h"
#include "interp/objects/errors.h"
#include "interp/objects/native_args.h"
#include "interp/objects/str_object.h"

namespace gilsim {

namespace {

std::string normalized(std::string_view name) {
  std::string out;
  for (char c : name)
    out +=
        c == '_' || c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const char* codecName(Codec codec) {
  return codec == Codec::Utf8 ? "utf-8" : codec == Codec::Ascii ? "ascii" : "latin-1";
}

// CPython's repr of one character in codec errors: '\xe9', '\u20ac', '\U0001f600'.
std::string characterRepr(char32_t c) {
  if (c < 0x100) return fmt::format("'\\x{:02x}'", static_cast<unsigned>(c));
  if (c < 0x10000) return fmt::format("'\\u{:04x}'", static_cast<unsigned>(c));
  return fmt::format("'\\U{:08x}'", static_cast<unsigned>(c));
}

}  // namespace

Codec lookupCodec(std::string_view encoding) {
  const std::string name = normalized(encoding);
  if (name == "utf-8" || name == "utf8" || name == "u8" || name == "utf" || name == "cp65001")
    return Codec::Utf8;
  if (name == "ascii" || name == "us-ascii" || name == "646") return Codec::Ascii;
  if (name == "latin-1" || name == "latin1" || name == "latin" || name == "iso-8859-1" ||
      name == "iso8859-1" || name == "8859" || name == "cp819" || name == "l1")
    return Codec::Latin1;
  raiseLookupError("unknown encoding: {} (gilsim has utf-8, ascii and latin-1)", encoding);
}

CodecErrors lookupCodecErrors(std::string_view errors) {
  if (errors == "strict") return CodecErrors::Strict;
  if (errors == "ignore") return CodecErrors::Ignore;
  if (errors == "replace") return CodecErrors::Replace;
  raiseLookupError("unknown error handler name '{}' (gilsim has strict, ignore and replace)",
                   errors);
}

std::string encodeText(std::string_view utf8, Codec codec, std::string_view errorsName) {
  if (codec == Codec::Utf8) return std::string(utf8);
  const char32_t limit = codec == Codec::Ascii ? 0x80 : 0x100;
  std::string out;
  out.reserve(utf8.size());
  size_t index = 0;  // in code points, for the error message
  for (size_t pos = 0; pos < utf8.size(); ++index) {
    const char32_t c = decodeUtf8At(utf8, pos);
    if (c < limit) {
      out += static_cast<char>(c);
      continue;
    }
    const CodecErrors errors = lookupCodecErrors(errorsName);
    if (errors == CodecErrors::Replace) {
      out += '?';
    } else if (errors == CodecErrors::Strict) {
      raiseUnicodeEncodeError(
          "'{}' codec can't encode character {} in position {}: ordinal not "
          "in range({})",
          codecName(codec), characterRepr(c), index, static_cast<unsigned>(limit));
    }
  }
  return out;
}

// Why a UTF-8 sequence starting at bytes[pos] does not decode, in CPython's words.
static const char* utf8Problem(std::string_view bytes, size_t pos) {
  const unsigned char lead = static_cast<unsigned char>(bytes[pos]);
  const size_t need = lead >= 0xC2 && lead <= 0xDF   ? 2
                      : lead >= 0xE0 && lead <= 0xEF ? 3
                      : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                     : 0;
  if (need == 0) return "invalid start byte";
  for (size_t i = 1; i < need; ++i) {
    if (pos + i >= bytes.size()) return "unexpected end of data";
    if ((static_cast<unsigned char>(bytes[pos + i]) & 0xC0) != 0x80)
      return "invalid continuation byte";
  }
  return "invalid continuation byte";  // an overlong form or a surrogate
}

std::string decodeBytes(std::string_view bytes, Codec codec, std::string_view errorsName) {
  std::string out;
  out.reserve(bytes.size());
  if (codec == Codec::Latin1) {
    for (unsigned char c : bytes)
      appendUtf8(out, c);
    return out;
  }
  if (codec == Codec::Utf8 && utf8Valid(bytes)) return std::string(bytes);
  // ASCII, or UTF-8 with invalid sequences: byte by byte from the first bad one.
  size_t pos = 0;
  while (pos < bytes.size()) {
    const unsigned char c = static_cast<unsigned char>(bytes[pos]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++pos;
      continue;
    }
    if (codec == Codec::Utf8) {
      const size_t valid = utf8PrefixBytes(bytes.substr(pos), 1);
      if (valid > 0 && utf8Valid(bytes.substr(pos, valid))) {
        out.append(bytes.substr(pos, valid));
        pos += valid;
        continue;
      }
    }
    const CodecErrors errors = lookupCodecErrors(errorsName);
    if (errors == CodecErrors::Strict) {
      if (codec == Codec::Ascii)
        raiseUnicodeDecodeError(
            "'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)", c,
            pos);
      raiseUnicodeDecodeError("'utf-8' codec can't decode byte 0x{:02x} in position {}: {}", c, pos,
                              utf8Problem(bytes, pos));
    }
    if (errors == CodecErrors::Replace) appendUtf8(out, 0xFFFD);
    ++pos;
  }
  return out;
}

CodecChoice codecArguments(const CallArgs& args, size_t first, const char* function) {
  Value encoding, errors;
  size_t npos = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "encoding")
      encoding = v;
    else if (name == "errors")
      errors = v;
    else if (name == "object" && std::string_view(function) == "str")
      return;  // str(object=b'...', encoding=...): the caller took it
    else
      raiseTypeError("{}() got an unexpected keyword argument '{}'", function, name);
  });
  if (npos > first + 2)
    raiseTypeError("{}() takes at most 2 arguments ({} given)", function, npos - first);
  if (npos > first) encoding = args[first];
  if (npos > first + 1) errors = args[first + 1];
  CodecChoice choice;
  auto text = [&](const Value& v, const char* what) -> std::string_view {
    if (!isStr(v))
      raiseTypeError("{}() argument '{}' must be str, not {}", function, what, typeName(v));
    return asStr(v)->view();
  };
  if (!encoding.isNull()) choice.codec = lookupCodec(text(encoding, "encoding"));
  if (!errors.isNull()) choice.errors = text(errors, "errors");
  return choice;
}

}  // namespace gilsim
