// time.gmtime and friends: conversions between seconds and broken-down time through the C
// library (gmtime_r, localtime_r, mktime, strftime), with CPython's field conventions (tm_mon
// 1-12, tm_wday 0 = Monday, tm_yday 1-366) and error messages.
#include "interp/modules/time_calendar.h"

#include <cmath>
#include <ctime>
#include <string>
#include <vector>

#include "interp/modules/struct_sequence.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

double (*gNow)(VM&) = nullptr;

const StructSequenceType& structTimeType() {
  static const StructSequenceType type(
      "time.struct_time",
      {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
       "tm_isdst", "tm_zone", "tm_gmtoff"},
      9);
  return type;
}

Value toStructTime(const std::tm& tm) {
  return structTimeType().make(
      {Value::integer(tm.tm_year + 1900), Value::integer(tm.tm_mon + 1), Value::integer(tm.tm_mday),
       Value::integer(tm.tm_hour), Value::integer(tm.tm_min), Value::integer(tm.tm_sec),
       Value::integer((tm.tm_wday + 6) % 7), Value::integer(tm.tm_yday + 1),
       Value::integer(tm.tm_isdst), makeStr(tm.tm_zone ? tm.tm_zone : ""),
       Value::integer(tm.tm_gmtoff)});
}

// The seconds argument of gmtime/localtime/ctime: now when absent or None.
std::time_t secondsArgument(VM& vm, const char* fn, CallArgs args) {
  expectArgs(fn, args, 0, 1);
  double secs;
  if (args.count == 0 || args[0].isNone())
    secs = gNow(vm);
  else if (isInt(args[0]) || args[0].isFloat())
    secs = toDouble(args[0]);
  else
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(args[0]));
  if (std::isnan(secs)) raiseValueError("Invalid value NaN (not a number)");
  if (std::fabs(secs) > 1e17) raiseOverflowError("timestamp out of range for platform time_t");
  return static_cast<std::time_t>(std::floor(secs));
}

// A struct_time or a 9-tuple back to a std::tm (CPython's checks on the common fields).
std::tm fromTuple(const char* fn, const Value& v) {
  if (!isTuple(v)) raiseTypeError("Tuple or struct_time argument required");
  std::vector<Value> items = toVector(v);
  if (items.size() != 9) raiseTypeError("{}(): illegal time tuple argument", fn);
  int f[9];
  for (int i = 0; i < 9; ++i)
    f[i] = static_cast<int>(toIndex(items[static_cast<size_t>(i)], "an integer"));
  std::tm tm{};
  tm.tm_year = f[0] - 1900;
  tm.tm_mon = f[1] - 1;
  tm.tm_mday = f[2];
  tm.tm_hour = f[3];
  tm.tm_min = f[4];
  tm.tm_sec = f[5];
  tm.tm_wday = (f[6] + 1) % 7;
  tm.tm_yday = f[7] - 1;
  tm.tm_isdst = f[8];
  if (std::string(fn) != "mktime") {
    // strftime and asctime take a zero month or day as the first (CPython does the same).
    if (tm.tm_mon == -1) tm.tm_mon = 0;
    if (tm.tm_mday == 0) tm.tm_mday = 1;
    if (tm.tm_yday == -1) tm.tm_yday = 0;
    if (tm.tm_mon < 0 || tm.tm_mon > 11) raiseValueError("month out of range");
    if (tm.tm_mday < 1 || tm.tm_mday > 31) raiseValueError("day of month out of range");
    if (tm.tm_hour < 0 || tm.tm_hour > 23) raiseValueError("hour out of range");
    if (tm.tm_min < 0 || tm.tm_min > 59) raiseValueError("minute out of range");
    if (tm.tm_sec < 0 || tm.tm_sec > 61) raiseValueError("seconds out of range");
    if (f[6] < 0) raiseValueError("day of week out of range");
    if (tm.tm_yday < 0 || tm.tm_yday > 365) raiseValueError("day of year out of range");
  }
  return tm;
}

std::tm timeArgument(VM& vm, const char* fn, CallArgs args, size_t index) {
  if (args.count > index) return fromTuple(fn, args[index]);
  std::time_t now = static_cast<std::time_t>(std::floor(gNow(vm)));
  std::tm tm{};
  localtime_r(&now, &tm);
  return tm;
}

Value timeGmtime(VM& vm, CallArgs args) {
  std::time_t t = secondsArgument(vm, "gmtime", args);
  std::tm tm{};
  if (!gmtime_r(&t, &tm)) raiseOverflowError("timestamp out of range for platform time_t");
  return toStructTime(tm);
}

Value timeLocaltime(VM& vm, CallArgs args) {
  std::time_t t = secondsArgument(vm, "localtime", args);
  std::tm tm{};
  if (!localtime_r(&t, &tm)) raiseOverflowError("timestamp out of range for platform time_t");
  return toStructTime(tm);
}

Value timeMktime(VM&, CallArgs args) {
  expectArgs("mktime", args, 1, 1);
  std::tm tm = fromTuple("mktime", args[0]);
  tm.tm_wday = -1;  // mktime() leaves it alone on failure: the only sure sign of one
  std::time_t t = std::mktime(&tm);
  if (t == static_cast<std::time_t>(-1) && tm.tm_wday == -1)
    raiseOverflowError("mktime argument out of range");
  return Value::real(static_cast<double>(t));
}

Value timeStrftime(VM& vm, CallArgs args) {
  expectArgs("strftime", args, 1, 2);
  if (!isStr(args[0]))
    raiseTypeError("strftime() argument 1 must be str, not {}", typeName(args[0]));
  std::tm tm = timeArgument(vm, "strftime", args, 1);
  std::string format = asStr(args[0])->str();
  if (format.empty()) return makeStr("");
  // strftime returns 0 both for an empty result and for a short buffer: grow until it fits.
  for (size_t size = 256; size <= 256 * format.size() + 4096; size *= 2) {
    std::string out(size, '\0');
    size_t n = std::strftime(out.data(), size, format.c_str(), &tm);
    if (n > 0) return makeStr(out.substr(0, n));
  }
  return makeStr("");
}

std::string asctimeOf(const std::tm& tm) {
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char out[64];
  std::snprintf(out, sizeof out, "%s %s %2d %02d:%02d:%02d %d", days[(tm.tm_wday % 7 + 7) % 7],
                months[tm.tm_mon], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_year + 1900);
  return out;
}

Value timeAsctime(VM& vm, CallArgs args) {
  expectArgs("asctime", args, 0, 1);
  return makeStr(asctimeOf(timeArgument(vm, "asctime", args, 0)));
}

Value timeCtime(VM& vm, CallArgs args) {
  std::time_t t = secondsArgument(vm, "ctime", args);
  std::tm tm{};
  if (!localtime_r(&t, &tm)) raiseOverflowError("timestamp out of range for platform time_t");
  return makeStr(asctimeOf(tm));
}

// time.strptime: the parsing is datetime's (interp/lib/datetime.py, CPython's rules), its result
// as a struct_time, as CPython's _strptime gives it.
Value timeStrptime(VM& vm, CallArgs args) {
  expectArgs("strptime", args, 1, 2);
  Value format = args.count > 1 ? args[1] : makeStr("%a %b %d %H:%M:%S %Y");
  if (!isStr(args[0]))
    raiseTypeError("strptime() argument 0 must be str, not {}", typeName(args[0]));
  if (!isStr(format)) raiseTypeError("strptime() argument 1 must be str, not {}", typeName(format));
  Value datetime = getAttr(vm.interp().importModule(vm, "datetime"), "datetime");
  Value parsed = vm.call(getAttr(datetime, "strptime"), {args[0], format});
  return vm.call(getAttr(parsed, "timetuple"), {});
}

}  // namespace

void addTimeCalendar(DictObject* d, double (*now)(VM&)) {
  gNow = now;
  tzset();
  d->setStr("struct_time", Value::borrow(structTimeType().type()));
  d->setStr("gmtime", makeNative("gmtime", timeGmtime));
  d->setStr("localtime", makeNative("localtime", timeLocaltime));
  d->setStr("mktime", makeNative("mktime", timeMktime));
  d->setStr("strftime", makeNative("strftime", timeStrftime));
  d->setStr("asctime", makeNative("asctime", timeAsctime));
  d->setStr("ctime", makeNative("ctime", timeCtime));
  d->setStr("strptime", makeNative("strptime", timeStrptime));
  d->setStr("timezone", Value::integer(timezone));
  d->setStr("altzone", Value::integer(timezone - (daylight ? 3600 : 0)));
  d->setStr("daylight", Value::integer(daylight));
  d->setStr("tzname", makeTuple({makeStr(tzname[0]), makeStr(tzname[1])}));
}

}  // namespace gilsim
