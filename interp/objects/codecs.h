// str.encode and bytes.decode: the codecs gilsim has (UTF-8, ASCII and Latin-1, under CPython's
// names and aliases) with the errors handlers strict, ignore and replace. Any other encoding or
// handler is a LookupError that says gilsim does not support it, never a silent UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace gilsim {

enum class Codec { Utf8, Ascii, Latin1 };
enum class CodecErrors { Strict, Ignore, Replace };

// CPython's normalization (case, '_' or ' ' for '-') and aliases; raises LookupError.
Codec lookupCodec(std::string_view encoding);
CodecErrors lookupCodecErrors(std::string_view errors);

// utf8 is a str's UTF-8; raises UnicodeEncodeError / UnicodeDecodeError as CPython words them.
// The errors handler is looked up only when a character needs it, as CPython does.
std::string encodeText(std::string_view utf8, Codec codec, std::string_view errors);
std::string decodeBytes(std::string_view bytes, Codec codec, std::string_view errors);

// The (encoding, errors) arguments of encode/decode/str(), positional from `first` or by
// keyword, each a str, defaulting to utf-8 and strict.
struct CallArgs;
struct CodecChoice {
  Codec codec = Codec::Utf8;
  std::string errors = "strict";
};
CodecChoice codecArguments(const CallArgs& args, size_t first, const char* function);

}  // namespace gilsim
