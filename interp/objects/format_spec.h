// Python's text formatting of numbers and strings as pure functions (no interpreter objects):
// the format-spec mini-language behind format(x, spec), str.format and f-strings, and the pieces
// of printf-style `fmt % args`. Behaviour and error texts follow CPython 3.11
// (Python/formatter_unicode.c and PyUnicode_Format).
//
// Error mapping for callers: FormatError -> ValueError, std::overflow_error -> OverflowError,
// std::invalid_argument -> a caller bug (wrong function for a conversion), never Python-visible.
// Nothing here crashes or hangs on any input: a width or precision that would make the output
// longer than about kMaxFormatWidth is refused with a FormatError, and malformed UTF-8 is decoded
// leniently (a bad byte is one code point). Error messages are plain what() strings, so one that
// quotes a spec containing U+0000 is cut short there.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace gilsim {

// A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type].
struct FormatSpec {
  std::string fill = " ";  // one code point, UTF-8
  char align = 0;          // '<' '>' '^' '=' or 0 (the type's default: numbers '>', strings '<')
  char sign = 0;           // '+' '-' ' ' or 0
  bool alternate = false;  // '#'
  // The '0' before the width. parseFormatSpec then also sets fill to "0"; with no explicit align,
  // numbers then align '=' (padding between sign/prefix and digits) and strings stay '<'.
  bool zeroPad = false;
  int width = -1;          // in code points; -1 = none
  char grouping = 0;       // ',' '_' or 0
  int precision = -1;      // -1 = none
  char type = 0;           // presentation type, 0 = none
  bool noNegZero = false;  // 'z' (3.11): a float that rounds to zero loses its '-'
  // The spec ended in an explicit U+0000 type code. CPython reads that as "type 0": the float
  // default, but an unknown code for int and str. Only parseFormatSpec sets it.
  bool nulType = false;
};

// Becomes ValueError with what() as the message.
struct FormatError : std::runtime_error {
  using runtime_error::runtime_error;
};

// Largest width or precision honoured. parseFormatSpec keeps values up to INT_MAX (bigger ones
// as INT_MAX; only past PY_SSIZE_T_MAX does it raise "Too many decimal digits in format string",
// like CPython). The format* functions, after every check CPython makes (so other errors read as
// CPython's), raise FormatError("Too many decimal digits in format string") for a width over the
// cap, or a precision over it where the output length follows the precision (e E f F %, or '#');
// CPython would try to build that text and usually run out of memory. A float precision of
// INT_MAX or more gives CPython's "precision too big". %-formatting refuses values over the cap
// with CPython's "width too big" / "precision too big".
inline constexpr int kMaxFormatWidth = 100'000;

// Parses a format spec. `typeName` is the Python type name of the value being formatted; it only
// appears in error messages ("Invalid format specifier 'abc' for object of type 'int'"), so pass
// the same name as to the format* call. Errors raised here are those CPython raises while parsing;
// the type-dependent checks (grouping vs type, unknown codes, sign on strings...) happen in the
// format* functions, in CPython's order.
FormatSpec parseFormatSpec(std::string_view spec, std::string_view typeName = "object");

// int.__format__ for a non-empty spec (types b c d o x X n, plus e E f F g G % which convert to
// float like CPython, raising std::overflow_error("int too large to convert to float")). `typeName`
// is used in messages: "int", "bool", or a subclass name. Note CPython formats an *empty* spec
// as str(value), which for bool is "True": callers handle the empty spec themselves.
// 'c' raises std::overflow_error("%c arg not in range(0x110000)") (or "Python int too large to
// convert to C long").
std::string formatInteger(const boost::multiprecision::cpp_int& v, const FormatSpec& spec,
                          std::string_view typeName = "int");

// The digits of a non-negative integer in base 2, 8, 10 or 16 (lower case, no prefix). The
// power-of-two bases take time linear in the size; base 10 is boost's conversion, unlimited (the
// callers apply sys.get_int_max_str_digits(), int_str_limit.h).
std::string integerDigits(const boost::multiprecision::cpp_int& magnitude, int base);

// float.__format__ (types none e E f F g G n %). An empty/default spec gives repr(v); no type with
// a precision behaves like 'g' except that it keeps a ".0" when the result would be integral.
std::string formatFloat(double v, const FormatSpec& spec, std::string_view typeName = "float");

// str.__format__ (type none or 's'). Width and precision count code points; default align '<'.
std::string formatString(std::string_view utf8, const FormatSpec& spec,
                         std::string_view typeName = "str");

// ---- printf-style formatting: `fmt % args` ----------------------------------------------------

// One piece of a %-format string: literal text, or one conversion.
//   spec.align  '<' for the '-' flag, else 0 (right-justify)
//   spec.sign   '+' for '+', ' ' for ' ' (when '+' is absent), else 0
//   spec.alternate for '#', spec.zeroPad for '0' (spec.fill stays " ")
//   spec.width / spec.precision: -1 when absent; set by setPercentStarWidth/Precision for '*'
// spec is only meant for the formatPercent* functions below (its type field stays 0).
struct PercentPiece {
  std::string literal;     // used when conversion == 0; "%%" is folded into literals
  char conversion = 0;     // d i u o x X e E f F g G c r s a, b for bytes (never '%')
  std::string mappingKey;  // the text inside "%(...)"
  bool hasKey = false;
  FormatSpec spec;
  bool widthFromArg = false;      // width was '*'
  bool precisionFromArg = false;  // precision was '.*'
};

// Splits a %-format string into pieces. Throws FormatError: "incomplete format",
// "incomplete format key", "unsupported format character 'z' (0x7a) at index 3" (index in code
// points; '?' for a character outside ' '..'~'), and, past CPython's own bounds (PY_SSIZE_T_MAX,
// INT_MAX), "width too big" / "precision too big". Smaller values over kMaxFormatWidth are kept
// (at most INT_MAX) and refused by the formatPercent* functions with the same messages, after the
// argument's own conversion errors, only where they would make the output that long.
// Difference from CPython: all format errors surface here, before any argument is looked at, so
// a string that is both malformed and short of arguments reports the format error (CPython walks
// left to right and may report "not enough arguments for format string" first).
// With `bytes`, the format of bytes % args (decoded as Latin-1): 'b' is a conversion too.
std::vector<PercentPiece> parsePercentFormat(std::string_view fmt, bool bytes = false);

// Apply a '*' argument, already converted to an integer by the caller (an int that does not fit
// in a long long is CPython's OverflowError "Python int too large to convert to C ssize_t" for a
// width and "... to C int" for a precision). A negative width means left-justify; a negative
// precision means 0. setPercentStarPrecision throws std::overflow_error("Python int too large to
// convert to C int") outside the int range; huge widths are refused later, when formatting.
void setPercentStarWidth(PercentPiece& piece, long long width);
void setPercentStarPrecision(PercentPiece& piece, long long precision);

// Formats an int argument for conversion d i u o x X (precision = minimum digits), e E f F g G
// (converted to float; std::overflow_error("int too large to convert to float")) or c (code
// point; std::overflow_error("%c arg not in range(0x110000)")). For s r a the caller converts the
// int with str()/repr()/ascii() and uses formatPercentString.
std::string formatPercentInteger(const boost::multiprecision::cpp_int& v,
                                 const PercentPiece& piece);

// Formats a float argument for conversion e E f F g G, or d i u (truncated like int(v):
// std::overflow_error("cannot convert float infinity to integer"),
// FormatError("cannot convert float NaN to integer")).
std::string formatPercentFloat(double v, const PercentPiece& piece);

// Formats already-converted text for conversion s r a (precision truncates, in code points) or c
// (the one-character string argument; precision is ignored). Width pads with spaces.
std::string formatPercentString(std::string_view utf8, const PercentPiece& piece);

// How a caller applies `fmt % args` (CPython's PyUnicode_Format):
//   dict   = args when it is a mapping (has __getitem__) but not a tuple or str, else none
//   source = the items of args when it is a tuple, else [args]; next = 0
//   fetch() = source[next++], or TypeError "not enough arguments for format string"
//   for each piece of parsePercentFormat(fmt)     // FormatError -> ValueError
//     conversion == 0: append piece.literal; continue
//     hasKey: no dict -> TypeError "format requires a mapping"; else source = [dict[mappingKey]]
//             (errors of the lookup propagate) and next = 0. The looked-up value serves a single
//             fetch, and later key-less pieces fetch from it too (so they find nothing left).
//     widthFromArg: n = fetch(), an int (else TypeError "* wants int"); setPercentStarWidth.
//     precisionFromArg: likewise with setPercentStarPrecision.
//     value = fetch(); then by conversion and value type:
//       s r a: formatPercentString(str(value) / repr(value) / ascii(value), piece)
//       c: int/bool -> formatPercentInteger; str of one code point -> formatPercentString;
//          otherwise TypeError "%c requires int or char"
//       d i u e E f F g G: int/bool -> formatPercentInteger; float -> formatPercentFloat;
//          otherwise TypeError "%d format: a real number is required, not str" for d i u,
//          "must be real number, not str" for e E f F g G
//       o x X: int/bool -> formatPercentInteger; otherwise (float too) TypeError
//          "%x format: an integer is required, not float"
//   at the end, with no dict and next < len(source): TypeError
//   "not all arguments converted during string formatting".

}  // namespace gilsim
