// Text formatting of Python values: format(v, spec), f-string fields, str.format and `%`.
// The spec mini-language itself lives in format_spec.h as pure functions; this file applies it to
// values and maps its errors onto Python exceptions.
#pragma once

#include <string>
#include <string_view>

#include "interp/objects/object.h"

namespace gilsim {

struct CallArgs;

std::string formatValue(const Value& v, std::string_view spec);
Value percentFormat(const std::string& format, const Value& args);
// bytes % args (bytearray's too): the bytes of the result.
std::string bytesPercentFormat(std::string_view format, const Value& args);
std::string strFormat(const std::string& format, CallArgs args);  // args[0] is the template
// str.format_map: named fields are looked up in mapping (its __getitem__, __missing__ included).
std::string strFormatMap(const std::string& format, const Value& self, const Value& mapping);

}  // namespace gilsim
