#include "interp/objects/float_repr.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <system_error>

namespace gilsim {

namespace {

// A decimal digit string in the shape David Gay's dtoa returns it (and CPython consumes it):
// value = 0.<digits> * 10^decpt, no trailing zeros, except that zero itself is {"0", 1}.
// `digits` may be empty when fixed-point rounding leaves nothing (then decpt = -ndigits).
struct DecimalDigits {
  std::string digits;
  int decpt = 1;
};

// A double's exact decimal expansion has at most 767 significant digits and at most 1074 digits
// after the point, so asking to_chars for more than this only appends zeros we can add ourselves.
constexpr int kMaxSignificantDigits = 780;
constexpr int kMaxFractionDigits = 1100;

void stripTrailingZeros(std::string& digits) {
  while (!digits.empty() && digits.back() == '0')
    digits.pop_back();
}

// Splits to_chars' scientific output ("d.ddde+XX" or "de-XX") into dtoa form.
DecimalDigits fromScientific(std::string_view text) {
  DecimalDigits out;
  size_t e = text.find('e');
  for (size_t i = 0; i < e; ++i) {
    if (text[i] != '.') out.digits.push_back(text[i]);
  }
  int exponent = 0;
  std::string_view expText = text.substr(e + 1);
  if (!expText.empty() && expText.front() == '+') expText.remove_prefix(1);
  std::from_chars(expText.data(), expText.data() + expText.size(), exponent);
  out.decpt = exponent + 1;
  stripTrailingZeros(out.digits);
  return out;
}

// dtoa mode 0: the shortest digits that round-trip. `a` is finite and positive.
DecimalDigits shortestDigits(double a) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
  return fromScientific(std::string_view(buf, res.ptr - buf));
}

// dtoa mode 2: `ndigits` (>= 1) correctly rounded significant digits. `a` is finite and positive.
DecimalDigits significantDigits(double a, int ndigits) {
  char buf[kMaxSignificantDigits + 32];
  int precision = std::min(ndigits, kMaxSignificantDigits) - 1;
  auto res = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific, precision);
  return fromScientific(std::string_view(buf, res.ptr - buf));
}

// dtoa mode 3: correctly rounded to `ndigits` (>= 0) places after the point. `a` is finite and
// positive.
DecimalDigits fixedDigits(double a, int ndigits) {
  char buf[400 + kMaxFractionDigits];
  int precision = std::min(ndigits, kMaxFractionDigits);
  auto res = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::fixed, precision);
  std::string_view text(buf, res.ptr - buf);
  size_t point = text.find('.');
  std::string_view intPart = text.substr(0, point);
  DecimalDigits out;
  out.digits.assign(intPart);
  if (point != std::string_view::npos) out.digits.append(text.substr(point + 1));
  size_t leadingZeros = out.digits.find_first_not_of('0');
  if (leadingZeros == std::string::npos) {
    // Rounded away to nothing: dtoa reports no digits with the point just past the last place.
    out.digits.clear();
    out.decpt = -ndigits;
    return out;
  }
  out.digits.erase(0, leadingZeros);
  out.decpt = static_cast<int>(intPart.size()) - static_cast<int>(leadingZeros);
  stripTrailingZeros(out.digits);
  return out;
}

}  // namespace

std::string doubleToString(double v, char code, int precision, unsigned flags) {
  const bool alwaysSign = flags & kDtsfSign;
  const bool addDot0 = flags & kDtsfAddDot0;
  const bool alt = flags & kDtsfAlt;
  const bool noNegZero = flags & kDtsfNoNegZero;
  const bool upper = code == 'E' || code == 'F' || code == 'G';
  if (upper) code = static_cast<char>(code - 'A' + 'a');
  precision = std::clamp(precision, 0, 1 << 30);  // keeps precision + 1 and friends in range

  bool negative = std::signbit(v);
  std::string out;
  if (std::isnan(v) || std::isinf(v)) {
    if (std::isnan(v)) negative = false;  // CPython ignores the sign of a nan
    if (negative) {
      out.push_back('-');
    } else if (alwaysSign) {
      out.push_back('+');
    }
    out += std::isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    return out;
  }

  const double a = std::fabs(v);
  DecimalDigits d;
  switch (code) {
    case 'e':
      ++precision;  // significant digits, not places after the point
      d = a == 0 ? DecimalDigits{"0", 1} : significantDigits(a, precision);
      break;
    case 'f':
      d = a == 0 ? DecimalDigits{"0", 1} : fixedDigits(a, precision);
      break;
    case 'g':
      if (precision == 0) precision = 1;
      d = a == 0 ? DecimalDigits{"0", 1} : significantDigits(a, precision);
      break;
    default:  // 'r'
      code = 'r';
      d = a == 0 ? DecimalDigits{"0", 1} : shortestDigits(a);
      break;
  }
  const long digitsLen = static_cast<long>(d.digits.size());
  long decpt = d.decpt;

  if (noNegZero && negative && (d.digits.empty() || d.digits == "0")) negative = false;

  // The output is a slice [vStart, vEnd) of the digit string padded with zeros on both sides,
  // with the point after position decpt; this is CPython's format_float_short layout.
  long vEnd = digitsLen;
  bool useExp = false;
  switch (code) {
    case 'e':
      useExp = true;
      vEnd = precision;
      break;
    case 'f':
      vEnd = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vEnd = precision;
      break;
    default:  // 'r': switch to exponent form at 1e16, like CPython
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  long exponent = 0;
  if (useExp) {
    exponent = decpt - 1;
    decpt = 1;
  }
  const long vStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) {
    vEnd = std::max(vEnd, decpt + 1);
  } else {
    vEnd = std::max(vEnd, decpt);
  }

  out.reserve(static_cast<size_t>(vEnd - vStart) + 8);
  if (negative) {
    out.push_back('-');
  } else if (alwaysSign) {
    out.push_back('+');
  }
  // Exactly one of the three places below emits the decimal point.
  if (decpt <= 0) {
    out.append(static_cast<size_t>(decpt - vStart), '0');
    out.push_back('.');
    out.append(static_cast<size_t>(-decpt), '0');
  } else {
    out.append(static_cast<size_t>(-vStart), '0');
  }
  if (0 < decpt && decpt <= digitsLen) {
    out.append(d.digits, 0, static_cast<size_t>(decpt));
    out.push_back('.');
    out.append(d.digits, static_cast<size_t>(decpt));
  } else {
    out += d.digits;
  }
  if (digitsLen < decpt) {
    out.append(static_cast<size_t>(decpt - digitsLen), '0');
    out.push_back('.');
    out.append(static_cast<size_t>(vEnd - decpt), '0');
  } else {
    out.append(static_cast<size_t>(vEnd - digitsLen), '0');
  }
  if (out.back() == '.' && !alt) out.pop_back();

  if (useExp) {
    out.push_back(upper ? 'E' : 'e');
    out.push_back(exponent < 0 ? '-' : '+');
    long mag = std::labs(exponent);
    if (mag < 10) out.push_back('0');  // at least two exponent digits, like printf
    out += std::to_string(mag);
  }
  return out;
}

std::string floatRepr(double v) {
  return doubleToString(v, 'r', 0, kDtsfAddDot0);
}

std::string floatStr(double v) {
  return floatRepr(v);
}

}  // namespace gilsim
