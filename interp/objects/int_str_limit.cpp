#include "interp/objects/int_str_limit.h"

#include "interp/objects/errors.h"
#include "interp/vm/interpreter.h"  // upward: the limit is the interpreter's, as sys sets it
#include "interp/vm/vm.h"           // upward: the interpreter of this Python thread

namespace gilsim {

int intMaxStrDigits() {
  VM* vm = VM::current();
  return vm ? vm->interp().intMaxStrDigits() : kDefaultMaxStrDigits;
}

void checkIntToStrDigits(const BigInt& v) {
  int limit = intMaxStrDigits();
  if (limit <= 0) return;
  // Under the threshold no int can exceed any allowed limit (one of at least 640 digits).
  size_t bits = v == 0 ? 1 : boost::multiprecision::msb(abs(v)) + 1;
  if (static_cast<double>(bits) * 0.30103 < kStrDigitsCheckThreshold) return;
  // bits * log10(2) bounds the digit count from below within one: converting is what is slow, so
  // decide from the bits when they settle it, and count the digits only near the limit.
  double lower = static_cast<double>(bits - 1) * 0.30102999566398;
  bool over = lower >= limit;
  if (!over && static_cast<double>(bits) * 0.30103 + 1 > limit) {
    std::string s = BigInt(abs(v)).str();
    over = s.size() > static_cast<size_t>(limit);
  }
  if (over)
    raiseValueError(
        "Exceeds the limit ({} digits) for integer string conversion; use "
        "sys.set_int_max_str_digits() to increase the limit",
        limit);
}

void checkStrToIntDigits(size_t digits) {
  int limit = intMaxStrDigits();
  if (limit > 0 && digits > static_cast<size_t>(limit))
    raiseValueError(
        "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use "
        "sys.set_int_max_str_digits() to increase the limit",
        limit, digits);
}

}  // namespace gilsim
