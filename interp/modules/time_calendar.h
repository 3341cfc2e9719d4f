// The time module's calendar half: gmtime, localtime, mktime, strftime, asctime,
// ctime, strptime (datetime's parser) and the time-zone constants, over the C library's
// conversions.
#pragma once

namespace gilsim {

class DictObject;
class VM;

// `now` reads time.time()'s clock (virtual under --sim), for the calls given no time.
void addTimeCalendar(DictObject* module, double (*now)(VM&));

}  // namespace gilsim
