// CPython 3.11's limit on conversions between ints and decimal text (CVE-2020-10735): str, repr,
// format(x, "d"), "%d" % x, "{:,}", f-strings and int("...") refuse more than
// sys.get_int_max_str_digits() digits, with CPython's messages. Power-of-two bases are never
// limited (they convert in linear time). The limit is the interpreter's: sys.set_int_max_str_digits
// changes it for every thread of the run.
#pragma once

#include <cstddef>

#include "interp/objects/int_object.h"

namespace gilsim {

inline constexpr int kDefaultMaxStrDigits = 4300;     // sys.int_info.default_max_str_digits
inline constexpr int kStrDigitsCheckThreshold = 640;  // sys.int_info.str_digits_check_threshold

// The limit in force (0: none). Without a running interpreter, the default.
int intMaxStrDigits();

// Raises ValueError when |v| has more decimal digits than the limit (int to text).
void checkIntToStrDigits(const BigInt& v);
// Raises ValueError when `digits` decimal digits are more than the limit (text to int).
void checkStrToIntDigits(size_t digits);

}  // namespace gilsim
