// Python 3's float-to-text conversions, as pure functions on double.
//
// Everything here mirrors CPython's PyOS_double_to_string (Python/pystrtod.c): the digits are the
// correctly rounded decimal expansion (shortest round-trip digits for repr), laid out the way
// CPython lays them out. format_spec.cpp builds format()/%-formatting of floats on top of it.
#pragma once

#include <string>

namespace gilsim {

// Flags for doubleToString; the same meaning as CPython's Py_DTSF_* bits.
inline constexpr unsigned kDtsfSign = 1;     // always emit a sign ('+' for non-negative values)
inline constexpr unsigned kDtsfAddDot0 = 2;  // integral values in fixed notation end in ".0"
inline constexpr unsigned kDtsfAlt = 4;      // '#': keep a trailing '.' and, for g, trailing zeros
inline constexpr unsigned kDtsfNoNegZero = 8;  // 'z': a value that rounds to zero loses its '-'

// CPython's PyOS_double_to_string. `code` is one of 'e' 'E' 'f' 'F' 'g' 'G' (precision as in
// printf; g treats 0 as 1) or 'r' (repr-style shortest digits; precision is ignored). Upper-case
// codes give "INF"/"NAN" and 'E'. A negative precision is treated as 0. The result length grows
// with precision, so callers bound it (format_spec.h caps it at kMaxFormatWidth).
std::string doubleToString(double v, char code, int precision, unsigned flags = 0);

// repr(float): shortest round-trip digits; scientific when the decimal exponent is < -4 or >= 16
// ("1e+16", "1e-05"); integral values in fixed notation end in ".0"; "inf", "-inf", "nan".
std::string floatRepr(double v);

// str(float): identical to repr in Python 3.
std::string floatStr(double v);

}  // namespace gilsim
