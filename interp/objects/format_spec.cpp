#include "interp/objects/format_spec.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "interp/common/unicode.h"
#include "interp/objects/float_repr.h"

namespace gilsim {

namespace {

using boost::multiprecision::cpp_int;

void appendRepeated(std::string& out, std::string_view unit, long count) {
  for (long i = 0; i < count; ++i) {
    out.append(unit);
  }
}

// ---- errors --------------------------------------------------------------------------------

// CPython prints a type code verbatim only when it is printable ASCII (other than space).
std::string typeCodeText(char32_t c) {
  if (c > 32 && c < 128) return std::string(1, static_cast<char>(c));
  return fmt::format("\\x{:x}", static_cast<uint32_t>(c));
}

std::string_view clipTypeName(std::string_view name) {
  return name.substr(0, 200);
}

[[noreturn]] void throwUnknownCode(char32_t type, std::string_view typeName) {
  throw FormatError(fmt::format("Unknown format code '{}' for object of type '{}'",
                                typeCodeText(type), clipTypeName(typeName)));
}

[[noreturn]] void throwBadGrouping(char grouping, char32_t type) {
  throw FormatError(fmt::format("Cannot specify '{}' with '{}'.", grouping, typeCodeText(type)));
}

[[noreturn]] void throwTooManyDigits() {
  throw FormatError("Too many decimal digits in format string");
}

// Called once a spec has passed every check CPython makes, just before producing output: a width
// over the cap would really produce that much text. (A precision over the cap is checked by each
// kind, since for some it never makes the output long.)
void checkWidth(const FormatSpec& spec) {
  if (spec.width > kMaxFormatWidth) throwTooManyDigits();
}

// The type the value is formatted with: the written code, or the kind's default when none was
// written. An explicit NUL code counts as 0 even where the default is not 0 (CPython does so).
char32_t effectiveType(const FormatSpec& spec, char defaultType) {
  if (spec.nulType) return 0;
  if (spec.type) return static_cast<unsigned char>(spec.type);
  return static_cast<unsigned char>(defaultType);
}

// PEP 378 / PEP 515: which types accept ',' and '_'. Runs before the unknown-type check, as in
// CPython's parser.
void checkGrouping(const FormatSpec& spec, char32_t type) {
  if (!spec.grouping) return;
  switch (type) {
    case 'd':
    case 'e':
    case 'f':
    case 'g':
    case 'E':
    case 'G':
    case '%':
    case 'F':
    case 0:
      return;
    case 'b':
    case 'o':
    case 'x':
    case 'X':
      if (spec.grouping == '_') return;
      break;
    default:
      break;
  }
  throwBadGrouping(spec.grouping, type);
}

// ---- numbers -------------------------------------------------------------------------------

// A formatted number split the way CPython's calc_number_widths sees it:
// <sign><prefix><digits>[.]<remainder>. Only `digits` gets grouped and zero-padded.
struct NumberParts {
  bool negative = false;
  std::string_view prefix;     // "0x" etc.
  std::string_view digits;     // ASCII digits of the integer part; may be empty (inf, 'c')
  bool hasDecimal = false;     // a '.' between digits and remainder
  std::string_view remainder;  // fraction, exponent, '%', "inf", or the 'c' character
};

// CPython's _PyUnicode_InsertThousandsGrouping: groups `digits` from the right in groups of
// `groupSize` (0 = no grouping) and, when zero padding, pads with '0's - grouped too - until the
// result is at least minWidth long.
std::string groupDigits(std::string_view digits, long minWidth, std::string_view sep,
                        int groupSize) {
  minWidth = std::max(0L, minWidth);
  const long sepLen = static_cast<long>(sep.size());
  long remaining = static_cast<long>(digits.size());
  size_t digitsEnd = digits.size();
  std::vector<std::string_view> chunks;  // right to left: separator, digits, zeros
  std::vector<long> zeros;
  bool useSep = false;
  bool done = false;
  auto emit = [&](long len) {
    const long nZeros = std::max(0L, len - remaining);
    const long nChars = std::max(0L, std::min(remaining, len));
    chunks.push_back(useSep ? sep : std::string_view());
    digitsEnd -= static_cast<size_t>(nChars);
    chunks.push_back(digits.substr(digitsEnd, static_cast<size_t>(nChars)));
    zeros.push_back(nZeros);
    useSep = true;
    remaining -= nChars;
  };
  if (groupSize > 0) {
    // Each pass consumes at least one position of minWidth, so this ends.
    while (true) {
      const long len = std::min<long>(groupSize, std::max({remaining, minWidth, 1L}));
      emit(len);
      minWidth -= len;
      if (remaining <= 0 && minWidth <= 0) {
        done = true;
        break;
      }
      minWidth -= sepLen;
    }
  }
  if (!done) emit(std::max({remaining, minWidth, 1L}));

  std::string out;
  for (size_t i = zeros.size(); i-- > 0;) {
    out.append(static_cast<size_t>(zeros[i]), '0');
    out.append(chunks[2 * i + 1]);
    out.append(chunks[2 * i]);
  }
  return out;
}

// Not std::toupper: that follows the C locale, which an embedding program may change.
void asciiUpper(std::string& s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
}

char numberAlign(const FormatSpec& spec) {
  if (spec.align) return spec.align;
  return spec.zeroPad ? '=' : '>';
}

// CPython's calc_number_widths + fill_number:
// <lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>.
std::string fillNumber(const NumberParts& parts, const FormatSpec& spec, std::string_view sep,
                       int groupSize, bool toUpper) {
  const char align = numberAlign(spec);
  char sign = parts.negative ? '-' : 0;
  if (!parts.negative && (spec.sign == '+' || spec.sign == ' ')) sign = spec.sign;

  const long nonDigit = (sign ? 1 : 0) + static_cast<long>(parts.prefix.size()) +
                        (parts.hasDecimal ? 1 : 0) + static_cast<long>(utf8Length(parts.remainder));
  const long minWidth = (spec.fill == "0" && align == '=') ? spec.width - nonDigit : 0;
  std::string grouped =
      parts.digits.empty() ? std::string() : groupDigits(parts.digits, minWidth, sep, groupSize);
  std::string prefix(parts.prefix);
  if (toUpper) {
    asciiUpper(prefix);
    asciiUpper(grouped);
  }

  const long padding = spec.width - (nonDigit + static_cast<long>(grouped.size()));
  long lpad = 0, spad = 0, rpad = 0;
  if (padding > 0) {
    switch (align) {
      case '<':
        rpad = padding;
        break;
      case '^':
        lpad = padding / 2;
        rpad = padding - lpad;
        break;
      case '=':
        spad = padding;
        break;
      default:
        lpad = padding;
        break;
    }
  }

  std::string out;
  out.reserve(grouped.size() + parts.remainder.size() + 8 +
              static_cast<size_t>(std::max(0L, padding)) * spec.fill.size());
  appendRepeated(out, spec.fill, lpad);
  if (sign) out.push_back(sign);
  out += prefix;
  appendRepeated(out, spec.fill, spad);
  out += grouped;
  if (parts.hasDecimal) out.push_back('.');
  out.append(parts.remainder);
  appendRepeated(out, spec.fill, rpad);
  return out;
}

// float(int), correctly rounded (half to even) like CPython's PyLong_AsDouble.
double intToDouble(const cpp_int& v) {
  if (v == 0) return 0.0;
  const cpp_int a = boost::multiprecision::abs(v);
  const size_t nbits = boost::multiprecision::msb(a) + 1;
  double r;
  if (nbits > 1025) {
    r = HUGE_VAL;
  } else if (nbits <= 64) {
    r = static_cast<double>(a.convert_to<uint64_t>());
  } else {
    // Keep the top 64 bits; fold everything below into a sticky low bit. The 11 bits under the
    // 53-bit mantissa then carry enough to round ties correctly.
    const size_t shift = nbits - 64;
    auto top = static_cast<uint64_t>(a >> shift);
    if (boost::multiprecision::lsb(a) < shift) top |= 1;
    r = std::ldexp(static_cast<double>(top), static_cast<int>(shift));
  }
  if (std::isinf(r)) throw std::overflow_error("int too large to convert to float");
  return v < 0 ? -r : r;
}

// int(v) for a finite double.
cpp_int doubleToInt(double v) {
  if (std::isnan(v)) throw FormatError("cannot convert float NaN to integer");
  if (std::isinf(v)) throw std::overflow_error("cannot convert float infinity to integer");
  const double t = std::trunc(v);
  int exponent = 0;
  const double mantissa = std::frexp(std::fabs(t), &exponent);
  cpp_int r = static_cast<uint64_t>(std::ldexp(mantissa, 53));
  exponent -= 53;
  if (exponent > 0) {
    r <<= exponent;
  } else {
    r >>= -exponent;  // only drops zero bits: t is integral
  }
  return t < 0 ? cpp_int(-r) : r;
}

// CPython's format_float_internal; `type` is already validated (0 e E f F g G n %).
std::string formatFloatInternal(double v, const FormatSpec& spec, char32_t type) {
  if (spec.precision == std::numeric_limits<int>::max()) throw FormatError("precision too big");
  checkWidth(spec);
  // For 'g'-style output without '#' a huge precision gives the same short text as 767 would (no
  // later digit of a double is nonzero), so only the types whose length follows it refuse it.
  const bool precisionSetsLength =
      type == 'e' || type == 'E' || type == 'f' || type == 'F' || type == '%' || spec.alternate;
  if (spec.precision > kMaxFormatWidth && precisionSetsLength) throwTooManyDigits();

  int precision = spec.precision;
  int defaultPrecision = 6;
  unsigned flags = 0;
  if (spec.alternate) flags |= kDtsfAlt;
  if (spec.noNegZero) flags |= kDtsfNoNegZero;
  char code = static_cast<char>(type);
  if (code == 0) {
    // No type: repr without a precision, else 'g' that keeps a ".0" on integral results.
    flags |= kDtsfAddDot0;
    code = 'r';
    defaultPrecision = 0;
  }
  if (code == 'n') code = 'g';  // C locale: no grouping, '.' as the point
  bool addPercent = false;
  if (code == '%') {
    code = 'f';
    v *= 100;
    addPercent = true;
  }
  if (precision < 0) {
    precision = defaultPrecision;
  } else if (code == 'r') {
    code = 'g';
  }
  std::string text = doubleToString(v, code, precision, flags);
  if (addPercent) text.push_back('%');

  NumberParts parts;
  size_t i = 0;
  if (!text.empty() && text[0] == '-') {
    parts.negative = true;
    i = 1;
  }
  size_t digitsEnd = i;
  while (digitsEnd < text.size() && text[digitsEnd] >= '0' && text[digitsEnd] <= '9') {
    ++digitsEnd;
  }
  std::string_view view(text);
  parts.digits = view.substr(i, digitsEnd - i);
  parts.hasDecimal = digitsEnd < text.size() && text[digitsEnd] == '.';
  parts.remainder = view.substr(digitsEnd + (parts.hasDecimal ? 1 : 0));

  std::string_view sep;
  int groupSize = 0;
  if (type != 'n' && spec.grouping) {
    sep = spec.grouping == ',' ? "," : "_";
    groupSize = 3;
  }
  return fillNumber(parts, spec, sep, groupSize, false);
}

// ---- %-formatting --------------------------------------------------------------------------

bool isPercentConversion(char32_t c) {
  switch (c) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'c':
    case 'r':
    case 's':
    case 'a':
      return true;
    default:
      return false;
  }
}

// CPython's _PyUnicode_FormatLong: sign, "0x"/"0o" only with '#', precision = minimum digits.
std::string percentLong(const cpp_int& v, bool alternate, int precision, char conversion) {
  const int base = conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X') ? 16 : 10;
  const std::string digits = integerDigits(boost::multiprecision::abs(v), base);
  std::string out;
  if (v < 0) out.push_back('-');
  if (alternate && base != 10) {
    out.push_back('0');
    out.push_back(base == 8 ? 'o' : 'x');
  }
  if (precision > static_cast<long>(digits.size())) {
    out.append(static_cast<size_t>(precision) - digits.size(), '0');
  }
  out += digits;
  if (conversion == 'X') {
    for (char& c : out) {
      if (c >= 'a' && c <= 'x') c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return out;
}

[[noreturn]] void throwPercentPrecisionTooBig() {
  throw FormatError("precision too big");
}

// CPython's unicode_format_arg_output: justifies an already converted value. `numeric` is true
// for the number conversions, which get a sign and may be zero-filled after sign and "0x".
std::string percentOutput(std::string_view str, const PercentPiece& piece, bool numeric) {
  const FormatSpec& spec = piece.spec;
  const char conv = piece.conversion;
  const bool leftJustify = spec.align == '<';
  const char fill = numeric && spec.zeroPad ? '0' : ' ';
  const bool altPrefix =
      numeric && spec.alternate && (conv == 'x' || conv == 'X' || conv == 'o') && str.size() >= 2;

  // The conversion is done, so this is where CPython would build (or fail to allocate) the text.
  if (spec.width > kMaxFormatWidth) throw FormatError("width too big");
  long len = static_cast<long>(utf8Length(str));
  long width = spec.width;
  if ((conv == 's' || conv == 'r' || conv == 'a') && spec.precision >= 0 && len > spec.precision) {
    len = spec.precision;
  }
  size_t pos = 0;  // byte offset of the next unwritten character of str
  char signChar = 0;
  bool hasSign = numeric;
  if (hasSign) {
    if (!str.empty() && (str[0] == '-' || str[0] == '+')) {
      signChar = str[0];
      --len;
      pos = 1;
    } else if (spec.sign == '+') {
      signChar = '+';
    } else if (spec.sign == ' ') {
      signChar = ' ';
    } else {
      hasSign = false;
    }
  }
  width = std::max(width, len);

  std::string out;
  out.reserve(static_cast<size_t>(width) + str.size() + 2);
  if (hasSign) {
    if (fill != ' ') out.push_back(signChar);
    if (width > len) --width;
  }
  if (altPrefix) {
    if (fill != ' ') {
      out.append(str.substr(pos, 2));
      pos += 2;
    }
    width = std::max(0L, width - 2);
    len = std::max(0L, len - 2);
  }
  if (width > len && !leftJustify) {
    out.append(static_cast<size_t>(width - len), fill);
    width = len;
  }
  if (fill == ' ') {
    if (hasSign) out.push_back(signChar);
    if (altPrefix) {
      out.append(str.substr(pos, 2));
      pos += 2;
    }
  }
  const std::string_view rest = str.substr(std::min(pos, str.size()));
  out.append(rest.substr(0, utf8PrefixBytes(rest, static_cast<size_t>(len))));
  if (width > len) out.append(static_cast<size_t>(width - len), ' ');
  return out;
}

}  // namespace

// ---- format() ------------------------------------------------------------------------------

FormatSpec parseFormatSpec(std::string_view spec, std::string_view typeName) {
  // Positions count code points, as CPython's do.
  std::vector<char32_t> cps;
  std::vector<size_t> offsets;
  for (size_t i = 0; i < spec.size();) {
    const DecodedCodePoint c = decodeUtf8(spec, i);
    cps.push_back(c.codePoint);
    offsets.push_back(i);
    i += c.length;
  }
  offsets.push_back(spec.size());
  const size_t n = cps.size();
  size_t pos = 0;

  auto isAlign = [](char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
  // CPython only fails here past PY_SSIZE_T_MAX. Bigger values than an int holds are kept as
  // INT_MAX (float formatting reports that as "precision too big", as CPython does past INT_MAX);
  // the format* functions refuse values over kMaxFormatWidth once all CPython's checks are done.
  auto readInteger = [&]() -> int {
    const size_t start = pos;
    int64_t value = 0;
    for (; pos < n && cps[pos] >= '0' && cps[pos] <= '9'; ++pos) {
      const auto digit = static_cast<int64_t>(cps[pos] - '0');
      if (value > (std::numeric_limits<int64_t>::max() - digit) / 10) throwTooManyDigits();
      value = value * 10 + digit;
    }
    if (pos == start) return -1;
    return static_cast<int>(std::min<int64_t>(value, std::numeric_limits<int>::max()));
  };

  FormatSpec out;
  bool fillGiven = false;
  if (n >= 2 && isAlign(cps[1])) {
    out.fill.assign(spec.substr(offsets[0], offsets[1] - offsets[0]));
    out.align = static_cast<char>(cps[1]);
    fillGiven = true;
    pos = 2;
  } else if (n >= 1 && isAlign(cps[0])) {
    out.align = static_cast<char>(cps[0]);
    pos = 1;
  }
  if (pos < n && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' ')) {
    out.sign = static_cast<char>(cps[pos++]);
  }
  if (pos < n && cps[pos] == 'z') {
    out.noNegZero = true;
    ++pos;
  }
  if (pos < n && cps[pos] == '#') {
    out.alternate = true;
    ++pos;
  }
  // With an explicit fill, a leading '0' is just part of the width.
  if (!fillGiven && pos < n && cps[pos] == '0') {
    out.fill = "0";
    out.zeroPad = true;
    ++pos;
  }
  out.width = readInteger();
  if (pos < n && cps[pos] == ',') {
    out.grouping = ',';
    ++pos;
  }
  if (pos < n && cps[pos] == '_') {
    if (out.grouping) throw FormatError("Cannot specify both ',' and '_'.");
    out.grouping = '_';
    ++pos;
  }
  if (pos < n && cps[pos] == ',' && out.grouping == '_') {
    throw FormatError("Cannot specify both ',' and '_'.");
  }
  if (pos < n && cps[pos] == '.') {
    ++pos;
    out.precision = readInteger();
    if (out.precision < 0) throw FormatError("Format specifier missing precision");
  }
  if (n - pos > 1) {
    throw FormatError(fmt::format("Invalid format specifier '{}' for object of type '{}'", spec,
                                  clipTypeName(typeName)));
  }
  if (n - pos == 1) {
    const char32_t type = cps[pos];
    if (type == 0) {
      out.nulType = true;
    } else if (type >= 128) {
      // No type code is non-ASCII, so this fails for every kind of value: in the grouping check
      // if grouping was given (CPython checks that first), else as an unknown code.
      if (out.grouping) throwBadGrouping(out.grouping, type);
      throwUnknownCode(type, typeName);
    } else {
      out.type = static_cast<char>(type);
    }
  }
  return out;
}

std::string formatInteger(const cpp_int& v, const FormatSpec& spec, std::string_view typeName) {
  const char32_t type = effectiveType(spec, 'd');
  checkGrouping(spec, type);
  switch (type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
      break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
      return formatFloatInternal(intToDouble(v), spec, type);
    default:
      throwUnknownCode(type, typeName);
  }
  if (spec.precision != -1) throw FormatError("Precision not allowed in integer format specifier");
  if (spec.noNegZero) {
    throw FormatError("Negative zero coercion (z) not allowed in integer format specifier");
  }

  NumberParts parts;
  if (type == 'c') {
    if (spec.sign) throw FormatError("Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) {
      throw FormatError("Alternate form (#) not allowed with integer format specifier 'c'");
    }
    if (v > std::numeric_limits<int64_t>::max() || v < std::numeric_limits<int64_t>::min()) {
      throw std::overflow_error("Python int too large to convert to C long");
    }
    if (v < 0 || v > 0x10FFFF) throw std::overflow_error("%c arg not in range(0x110000)");
    checkWidth(spec);
    std::string ch;
    appendUtf8(ch, static_cast<char32_t>(v.convert_to<uint32_t>()));
    // The character is all "remainder": padded and aligned but never grouped.
    parts.remainder = ch;
    return fillNumber(parts, spec, {}, 0, false);
  }

  checkWidth(spec);
  const int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  const std::string digits = integerDigits(boost::multiprecision::abs(v), base);
  parts.negative = v < 0;
  parts.digits = digits;
  if (spec.alternate) parts.prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
  std::string_view sep;
  int groupSize = 0;
  if (type != 'n' && spec.grouping) {
    sep = spec.grouping == ',' ? "," : "_";
    groupSize = base == 10 ? 3 : 4;  // '_' groups binary/octal/hex digits by four (PEP 515)
  }
  return fillNumber(parts, spec, sep, groupSize, type == 'X');
}

std::string formatFloat(double v, const FormatSpec& spec, std::string_view typeName) {
  const char32_t type = effectiveType(spec, 0);
  checkGrouping(spec, type);
  switch (type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
      break;
    default:
      throwUnknownCode(type, typeName);
  }
  return formatFloatInternal(v, spec, type);
}

std::string formatString(std::string_view utf8, const FormatSpec& spec, std::string_view typeName) {
  const char32_t type = effectiveType(spec, 's');
  checkGrouping(spec, type);
  if (type != 's') throwUnknownCode(type, typeName);
  if (spec.sign == ' ') throw FormatError("Space not allowed in string format specifier");
  if (spec.sign) throw FormatError("Sign not allowed in string format specifier");
  if (spec.noNegZero) {
    throw FormatError("Negative zero coercion (z) not allowed in string format specifier");
  }
  if (spec.alternate) {
    throw FormatError("Alternate form (#) not allowed in string format specifier");
  }
  if (spec.align == '=') throw FormatError("'=' alignment not allowed in string format specifier");
  checkWidth(spec);

  long len = static_cast<long>(utf8Length(utf8));
  if (spec.precision >= 0 && len > spec.precision) {
    utf8 = utf8.substr(0, utf8PrefixBytes(utf8, static_cast<size_t>(spec.precision)));
    len = spec.precision;
  }
  const long total = std::max<long>(len, spec.width);
  long lpad = 0;
  const char align = spec.align ? spec.align : '<';
  if (align == '>') {
    lpad = total - len;
  } else if (align == '^') {
    lpad = (total - len) / 2;
  }
  const long rpad = total - len - lpad;
  std::string out;
  out.reserve(utf8.size() + static_cast<size_t>(total - len) * spec.fill.size());
  appendRepeated(out, spec.fill, lpad);
  out.append(utf8);
  appendRepeated(out, spec.fill, rpad);
  return out;
}

// ---- %-formatting --------------------------------------------------------------------------

std::vector<PercentPiece> parsePercentFormat(std::string_view fmt, bool bytes) {
  std::vector<PercentPiece> pieces;
  std::string literal;
  const size_t n = fmt.size();
  size_t i = 0;
  auto incomplete = [] { throw FormatError("incomplete format"); };
  auto isDigit = [&](size_t at) { return at < n && fmt[at] >= '0' && fmt[at] <= '9'; };
  // Digits from `i` on, refused past CPython's own bounds (PY_SSIZE_T_MAX for widths, INT_MAX for
  // precisions) and kept as at most INT_MAX; our lower cap is applied when formatting.
  auto readNumber = [&](int64_t limit, const char* tooBig) {
    int64_t value = 0;
    for (; isDigit(i); ++i) {
      const int64_t digit = fmt[i] - '0';
      if (value > (limit - digit) / 10) throw FormatError(tooBig);
      value = value * 10 + digit;
    }
    return static_cast<int>(std::min<int64_t>(value, std::numeric_limits<int>::max()));
  };

  while (i < n) {
    if (fmt[i] != '%') {
      literal.push_back(fmt[i++]);
      continue;
    }
    ++i;
    if (i < n && fmt[i] == '%') {
      literal.push_back('%');
      ++i;
      continue;
    }
    if (!literal.empty()) {
      PercentPiece text;
      text.literal = std::move(literal);
      pieces.push_back(std::move(text));
      literal.clear();
    }

    PercentPiece piece;
    if (i < n && fmt[i] == '(') {
      const size_t keyStart = ++i;
      int depth = 1;
      while (depth > 0 && i < n) {
        if (fmt[i] == ')') {
          --depth;
        } else if (fmt[i] == '(') {
          ++depth;
        }
        ++i;
      }
      if (depth > 0) throw FormatError("incomplete format key");
      piece.hasKey = true;
      piece.mappingKey.assign(fmt.substr(keyStart, i - 1 - keyStart));
    }

    bool leftJustify = false, plus = false, blank = false, alternate = false, zero = false;
    for (;; ++i) {
      if (i >= n) incomplete();
      const char c = fmt[i];
      if (c == '-') {
        leftJustify = true;
      } else if (c == '+') {
        plus = true;
      } else if (c == ' ') {
        blank = true;
      } else if (c == '#') {
        alternate = true;
      } else if (c == '0') {
        zero = true;
      } else {
        break;
      }
    }
    piece.spec.align = leftJustify ? '<' : 0;
    piece.spec.sign = plus ? '+' : blank ? ' ' : 0;  // '+' wins over ' '
    piece.spec.alternate = alternate;
    piece.spec.zeroPad = zero;

    if (fmt[i] == '*') {
      piece.widthFromArg = true;
      ++i;
    } else if (isDigit(i)) {
      piece.spec.width = readNumber(std::numeric_limits<int64_t>::max(), "width too big");
    }
    if (i >= n) incomplete();
    if (fmt[i] == '.') {
      ++i;
      piece.spec.precision = 0;
      if (i < n && fmt[i] == '*') {
        piece.precisionFromArg = true;
        ++i;
      } else if (isDigit(i)) {
        piece.spec.precision = readNumber(std::numeric_limits<int>::max(), "precision too big");
      }
    }
    if (i >= n) incomplete();
    if (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L') {  // C length modifiers are ignored
      ++i;
      if (i >= n) incomplete();
    }

    const DecodedCodePoint conv = decodeUtf8(fmt, i);
    if (!isPercentConversion(conv.codePoint) && !(bytes && conv.codePoint == 'b')) {
      const char shown =
          conv.codePoint >= 31 && conv.codePoint <= 126 ? static_cast<char>(conv.codePoint) : '?';
      throw FormatError(fmt::format("unsupported format character '{}' (0x{:x}) at index {}", shown,
                                    static_cast<uint32_t>(conv.codePoint),
                                    utf8Length(fmt.substr(0, i))));
    }
    piece.conversion = static_cast<char>(conv.codePoint);
    i += conv.length;
    pieces.push_back(std::move(piece));
  }
  if (!literal.empty()) {
    PercentPiece text;
    text.literal = std::move(literal);
    pieces.push_back(std::move(text));
  }
  return pieces;
}

void setPercentStarWidth(PercentPiece& piece, long long width) {
  if (width < 0) {
    piece.spec.align = '<';  // a negative '*' width means the '-' flag
    width = width == std::numeric_limits<long long>::min() ? std::numeric_limits<long long>::max()
                                                           : -width;
  }
  piece.spec.width = static_cast<int>(std::min<long long>(width, std::numeric_limits<int>::max()));
}

void setPercentStarPrecision(PercentPiece& piece, long long precision) {
  if (precision > std::numeric_limits<int>::max() || precision < std::numeric_limits<int>::min()) {
    throw std::overflow_error("Python int too large to convert to C int");
  }
  piece.spec.precision = static_cast<int>(std::max(0LL, precision));
}

std::string formatPercentInteger(const cpp_int& v, const PercentPiece& piece) {
  switch (piece.conversion) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
      if (piece.spec.precision > kMaxFormatWidth) throwPercentPrecisionTooBig();  // minimum digits
      return percentOutput(
          percentLong(v, piece.spec.alternate, piece.spec.precision, piece.conversion), piece,
          true);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      return formatPercentFloat(intToDouble(v), piece);
    case 'c': {
      // Out-of-range values, including ones too big for a C long, all get this message.
      if (v < 0 || v > 0x10FFFF) throw std::overflow_error("%c arg not in range(0x110000)");
      std::string ch;
      appendUtf8(ch, static_cast<char32_t>(v.convert_to<uint32_t>()));
      return percentOutput(ch, piece, false);
    }
    default:
      throw std::invalid_argument("formatPercentInteger: conversion not applicable to an int");
  }
}

std::string formatPercentFloat(double v, const PercentPiece& piece) {
  switch (piece.conversion) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      // Only e/f digits (and '#' g ones) grow with the precision; g drops trailing zeros.
      const bool precisionSetsLength =
          piece.conversion != 'g' && piece.conversion != 'G' ? true : piece.spec.alternate;
      if (piece.spec.precision > kMaxFormatWidth && precisionSetsLength && std::isfinite(v)) {
        throwPercentPrecisionTooBig();
      }
      const int precision = piece.spec.precision < 0 ? 6 : piece.spec.precision;
      return percentOutput(
          doubleToString(v, piece.conversion, precision, piece.spec.alternate ? kDtsfAlt : 0),
          piece, true);
    }
    case 'd':
    case 'i':
    case 'u':
      return formatPercentInteger(doubleToInt(v), piece);
    default:
      throw std::invalid_argument("formatPercentFloat: conversion not applicable to a float");
  }
}

std::string formatPercentString(std::string_view utf8, const PercentPiece& piece) {
  switch (piece.conversion) {
    case 's':
    case 'r':
    case 'a':
    case 'c':
      return percentOutput(utf8, piece, false);
    default:
      throw std::invalid_argument("formatPercentString: conversion not applicable to a string");
  }
}

std::string integerDigits(const cpp_int& magnitude, int base) {
  if (magnitude == 0) return "0";
  if (base == 10) return magnitude.str();
  // Straight off the limbs: one pass, so hex(10**(10**6)) takes milliseconds (shifting the
  // number right a digit at a time was quadratic, issue 15).
  const unsigned bitsPerDigit = base == 2 ? 1 : base == 8 ? 3 : 4;
  const auto& backend = magnitude.backend();
  const auto* limbs = backend.limbs();
  const size_t limbCount = backend.size();
  constexpr size_t kLimbBits = sizeof(*limbs) * 8;
  auto bitAt = [&](size_t bit) -> unsigned {
    size_t limb = bit / kLimbBits;
    return limb < limbCount ? static_cast<unsigned>((limbs[limb] >> (bit % kLimbBits)) & 1u) : 0u;
  };
  const size_t nbits = boost::multiprecision::msb(magnitude) + 1;
  const size_t ndigits = (nbits + bitsPerDigit - 1) / bitsPerDigit;
  std::string out(ndigits, '0');
  for (size_t d = 0; d < ndigits; ++d) {
    unsigned value = 0;
    for (unsigned b = bitsPerDigit; b-- > 0;)
      value = value * 2 + bitAt(d * bitsPerDigit + b);
    out[ndigits - 1 - d] = "0123456789abcdef"[value];
  }
  return out;
}

}  // namespace gilsim
