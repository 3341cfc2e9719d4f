"""Dates, times, durations and fixed-offset time zones, after CPython 3.11's datetime.

gilsim's own implementation. Every object keeps its fields as plain integers; calendar
arithmetic runs on proleptic Gregorian day numbers (the ordinal of 0001-01-01 is 1), computed
with the March-based era/cycle formulas; durations are whole microseconds. The clock is
time.time() (virtual under --sim) and the local time zone is read through time.localtime (its
tm_gmtoff and tm_zone), so nothing here knows the machine's zone rules itself.
"""

import time as _time
import math as _math

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999

_new = object.__new__

# --------------------------------------------------------------------------------------------
# Calendar arithmetic

_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# Days of a common year before the first of each month.
_YEAR_DAYS_BEFORE = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MAX_ORDINAL = 3652059          # 9999-12-31
_EPOCH_ORDINAL = 719163         # 1970-01-01
_US_PER_DAY = 86400000000
_DAY_LIMIT = 999999999          # timedelta's bound on |days|

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FULL_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                   "Sunday")
_FULL_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July",
                     "August", "September", "October", "November", "December")


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _ordinal(y, m, d):
    """The day number of y-m-d; the year is taken to start on March 1 so that a leap day
    comes last, and whole 400-year cycles (146097 days) are counted apart."""
    if m > 2:
        m -= 3
    else:
        m += 9
        y -= 1
    cycle, year_of_cycle = divmod(y, 400)
    day_of_year = (153 * m + 2) // 5 + d - 1
    day_of_cycle = year_of_cycle * 365 + year_of_cycle // 4 - year_of_cycle // 100 + day_of_year
    # Day 0 of cycle 0 is 0000-03-01, whose ordinal is -305.
    return cycle * 146097 + day_of_cycle - 305


def _from_ordinal(n):
    """(year, month, day) of a day number: _ordinal's inverse."""
    cycle, day_of_cycle = divmod(n + 305, 146097)
    year_of_cycle = (day_of_cycle - day_of_cycle // 1460 + day_of_cycle // 36524
                     - day_of_cycle // 146096) // 365
    day_of_year = day_of_cycle - (365 * year_of_cycle + year_of_cycle // 4
                                  - year_of_cycle // 100)
    month_index = (5 * day_of_year + 2) // 153
    d = day_of_year - (153 * month_index + 2) // 5 + 1
    y = cycle * 400 + year_of_cycle
    if month_index < 10:
        return y, month_index + 3, d
    return y + 1, month_index - 9, d


def _day_of_year(y, m, d):
    n = _YEAR_DAYS_BEFORE[m] + d
    if m > 2 and _is_leap(y):
        n += 1
    return n


def _iso_week1_monday(y):
    """The ordinal of the Monday that starts ISO week 1 of year y (the week holding Jan 4)."""
    jan4 = _ordinal(y, 1, 4)
    return jan4 - (jan4 + 6) % 7


def _iso_to_ordinal(year, week, day):
    """The ordinal of an ISO year/week/weekday, with CPython's checks and messages."""
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("Year is out of range: %d" % year)
    if not 0 < week < 53:
        # Week 53 exists when the year starts on a Thursday, or on a Wednesday in leap years.
        first = (_ordinal(year, 1, 1) + 6) % 7
        if week != 53 or not (first == 3 or (first == 2 and _is_leap(year))):
            raise ValueError("Invalid week: %d" % week)
    if not 0 < day < 8:
        raise ValueError("Invalid day: %d (range is [1, 7])" % day)
    return _iso_week1_monday(year) + (week - 1) * 7 + day - 1


# --------------------------------------------------------------------------------------------
# Argument checks

def _int(v):
    """v as an int, the way CPython's "i" argument format takes it."""
    if type(v) is int:
        return v
    if isinstance(v, int):
        return int(v)
    index = getattr(type(v), "__index__", None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % _type_name(v))
    return index(v)


def _check_date(year, month, day):
    year = _int(year)
    month = _int(month)
    day = _int(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if day < 1 or day > _MONTH_DAYS[month] and not (month == 2 and day == 29 and _is_leap(year)):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time(hour, minute, second, microsecond, fold):
    hour = _int(hour)
    minute = _int(minute)
    second = _int(second)
    microsecond = _int(microsecond)
    fold = _int(fold)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold != 0 and fold != 1:
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % _type_name(tz))


def _check_offset(method, offset):
    """What a tzinfo's utcoffset() or dst() returned, checked as CPython checks it."""
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (method, _type_name(offset)))
    if not -_US_PER_DAY < offset._us < _US_PER_DAY:
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                         "timedelta(hours=24).")
    return offset


def _check_tzname(name):
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'"
                        % _type_name(name))
    return name


# The types whose operators are fully known here: an operation on them that this module does
# not define fails with CPython's message (module-qualified names) instead of gilsim's.
_PLAIN_TYPES = {int, bool, float, str, bytes, list, tuple, dict, set, frozenset, type(None)}
_SEQUENCE_TYPES = {str, bytes, list, tuple}
_OWN_TYPES = set()     # filled in after the classes


def _type_name(obj):
    t = type(obj)
    if t in _OWN_TYPES:
        return "datetime." + t.__name__
    return t.__name__


def _arg_type_name(obj):
    """A wrong argument's type as CPython's argument parser names it."""
    if obj is None:
        return "None"
    return _type_name(obj)


def _unsupported(symbol, left, right):
    raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'"
                    % (symbol, _type_name(left), _type_name(right)))


def _cmp_error(a, b):
    raise TypeError("can't compare %s to %s" % (_type_name(a), _type_name(b)))


def _known(other):
    t = type(other)
    return t in _PLAIN_TYPES or t in _OWN_TYPES


# --------------------------------------------------------------------------------------------
# Formatting helpers

def _format_clock(hh, mm, ss, us, timespec):
    if timespec == "auto":
        if us:
            return "%02d:%02d:%02d.%06d" % (hh, mm, ss, us)
        return "%02d:%02d:%02d" % (hh, mm, ss)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (hh, mm, ss)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (hh, mm, ss, us)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (hh, mm, ss, us // 1000)
    if timespec == "minutes":
        return "%02d:%02d" % (hh, mm)
    if timespec == "hours":
        return "%02d" % hh
    raise ValueError("Unknown timespec value")


def _format_offset(offset, sep):
    """+HH<sep>MM[<sep>SS[.ffffff]] for a timedelta; '' for None."""
    if offset is None:
        return ""
    us = offset._us
    sign = "+"
    if us < 0:
        sign = "-"
        us = -us
    minutes, us = divmod(us, 60000000)
    hh, mm = divmod(minutes, 60)
    ss, us = divmod(us, 1000000)
    if us:
        return "%s%02d%s%02d%s%02d.%06d" % (sign, hh, sep, mm, sep, ss, us)
    if ss:
        return "%s%02d%s%02d%s%02d" % (sign, hh, sep, mm, sep, ss)
    return "%s%02d%s%02d" % (sign, hh, sep, mm)


def _strftime(fmt, timetuple, microsecond, owner):
    """time.strftime(fmt, timetuple) with %f, %z and %Z filled in here first (owner: the
    time or datetime that knows its offset and zone name; None for a date)."""
    i = fmt.find("%")
    if i < 0:
        return _time.strftime(fmt, timetuple)
    pieces = []
    start = 0
    n = len(fmt)
    while 0 <= i < n - 1:
        c = fmt[i + 1]
        if c == "f":
            text = "%06d" % microsecond
        elif c == "z":
            text = "" if owner is None else _format_offset(owner.utcoffset(), "")
        elif c == "Z":
            name = None if owner is None else owner.tzname()
            text = "" if name is None else name.replace("%", "%%")
        else:
            i = fmt.find("%", i + 2)
            continue
        pieces.append(fmt[start:i])
        pieces.append(text)
        start = i + 2
        i = fmt.find("%", start)
    pieces.append(fmt[start:])
    return _time.strftime("".join(pieces), timetuple)


def _struct_time(fields):
    return _time.struct_time(fields)


def _format_arg(fmt):
    if not isinstance(fmt, str):
        raise TypeError("format() argument 2 must be str, not %s" % _arg_type_name(fmt))


# --------------------------------------------------------------------------------------------
# Timestamps and the local time zone

def _split_timestamp(t):
    """A POSIX timestamp as whole seconds and microseconds, rounded half to even."""
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        frac, whole = _math.modf(t)
        if not -9.2e18 < whole < 9.2e18:
            raise OverflowError("timestamp out of range for platform time_t")
        secs = int(whole)
        us = round(frac * 1e6)
        if us >= 1000000:
            secs += 1
            us -= 1000000
        elif us < 0:
            secs -= 1
            us += 1000000
        return secs, us
    secs = _int(t)
    if not -9223372036854775808 <= secs <= 9223372036854775807:
        raise OverflowError("timestamp out of range for platform time_t")
    return secs, 0


def _utc_fields(secs):
    """(year, month, day, hour, minute, second) of whole seconds since the epoch in UTC."""
    if not -67767976233532800 < secs < 67767976233532800:
        raise OverflowError("timestamp out of range for platform time_t")
    days, secs = divmod(secs, 86400)
    y, m, d = _from_ordinal(days + _EPOCH_ORDINAL)
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError("year %d is out of range" % y)
    hh, secs = divmod(secs, 3600)
    mm, ss = divmod(secs, 60)
    return y, m, d, hh, mm, ss


def _gmtoff(u):
    """The local zone's offset from UTC, in seconds, at the instant u (seconds since epoch)."""
    return _time.localtime(u).tm_gmtoff


def _local_to_utc(t, fold):
    """The instant (seconds since the epoch) whose local wall time is t, t being that wall
    time counted in seconds from 1970-01-01 00:00 as if it were UTC. An ambiguous wall time
    (clocks set back) gives the earlier instant for fold 0 and the later one for fold 1; a
    missing one (clocks set forward) is read with the offset from before the gap for fold 0
    and after it for fold 1, as CPython does."""
    a = _gmtoff(t)
    u1 = t - a
    u1_fits = _gmtoff(u1) == a
    if u1_fits:
        # u1 is one answer. A different offset a day before (fold 0) or after (fold 1) may
        # give another one on that side of a transition.
        b = _gmtoff(u1 + (86400 if fold else -86400))
        if b == a:
            return u1
    else:
        b = _gmtoff(u1)
    u2 = t - b
    if _gmtoff(u2) == b:
        return u2
    if u1_fits:
        return u1
    # In a gap: neither reading is right.
    if fold:
        return min(u1, u2)
    return max(u1, u2)


def _local_timezone_at(u):
    lt = _time.localtime(u)
    zone = getattr(lt, "tm_zone", None)
    offset = _td(lt.tm_gmtoff * 1000000)
    if zone is None:
        return timezone(offset)
    return timezone(offset, zone)


def _from_local_timestamp(cls, secs, us, tz):
    lt = _time.localtime(secs)
    fold = 0
    a = lt.tm_gmtoff
    b = _gmtoff(secs - 86400)
    if a < b and _gmtoff(secs + a - b) == b:
        # The clocks went back within the last day and this wall time was also shown earlier,
        # at secs + a - b: this is its second occurrence.
        fold = 1
    return _make_datetime(cls, lt[0], lt[1], lt[2], lt[3], lt[4], min(lt[5], 59), us, tz, fold)


# --------------------------------------------------------------------------------------------
# timedelta

def _round_half_even_div(a, b):
    q, r = divmod(a, b)
    r2 = 2 * r
    if b > 0:
        if r2 > b or (r2 == b and q & 1):
            q += 1
    elif r2 < b or (r2 == b and q & 1):
        q += 1
    return q


_TD_UNITS = ("microseconds", 1), ("milliseconds", 1000), ("seconds", 1000000), \
    ("minutes", 60000000), ("hours", 3600000000), ("days", 86400000000), \
    ("weeks", 604800000000)


def _td_microseconds(values):
    """The total microseconds of timedelta's arguments, one of which is not an int: each float
    contributes its integral part exactly and the fractions of microseconds are summed, then
    rounded half to even together with the whole (CPython's exact result)."""
    total = 0
    leftover = 0.0
    for i in range(7):
        value = values[i]
        unit, scale = _TD_UNITS[i]
        if isinstance(value, int):
            total += value * scale
        elif isinstance(value, float):
            frac, whole = _math.modf(value)
            total += int(whole) * scale
            if frac:
                frac, whole = _math.modf(frac * scale)
                total += int(whole)
                leftover += frac
        else:
            raise TypeError("unsupported type for timedelta %s component: %s"
                            % (unit, _type_name(value)))
    if leftover:
        whole = round(leftover)
        if abs(whole - leftover) == 0.5:
            # A tie: pick the neighbour that makes the total even.
            whole = _math.floor(leftover)
            if (total + whole) & 1:
                whole += 1
        total += whole
    return total


def _td(us, cls=None):
    """A timedelta of us microseconds."""
    days, rest = divmod(us, _US_PER_DAY)
    if not -_DAY_LIMIT <= days <= _DAY_LIMIT:
        if not -2147483648 <= days <= 2147483647:
            raise OverflowError("Python int too large to convert to C int")
        raise OverflowError("days=%d; must have magnitude <= 999999999" % days)
    self = _new(timedelta if cls is None else cls)
    self._days = days
    self._seconds, self._microseconds = divmod(rest, 1000000)
    self._us = us
    return self


class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999)."""

    __slots__ = ("_days", "_seconds", "_microseconds", "_us")

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                weeks=0):
        if (type(days) is int and type(seconds) is int and type(microseconds) is int
                and type(milliseconds) is int and type(minutes) is int and type(hours) is int
                and type(weeks) is int):
            us = ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000000 \
                + milliseconds * 1000 + microseconds
        else:
            us = _td_microseconds((microseconds, milliseconds, seconds, minutes, hours, days,
                                   weeks))
        return _td(us, cls)

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._us / 1000000

    def __repr__(self):
        parts = []
        if self._days:
            parts.append("days=%d" % self._days)
        if self._seconds:
            parts.append("seconds=%d" % self._seconds)
        if self._microseconds:
            parts.append("microseconds=%d" % self._microseconds)
        name = "datetime.timedelta" if type(self) is timedelta else type(self).__name__
        return "%s(%s)" % (name, ", ".join(parts) if parts else "0")

    def __str__(self):
        minutes, ss = divmod(self._seconds, 60)
        hh, mm = divmod(minutes, 60)
        text = "%d:%02d:%02d" % (hh, mm, ss)
        if self._microseconds:
            text += ".%06d" % self._microseconds
        days = self._days
        if days:
            return "%d day%s, %s" % (days, "" if days == 1 or days == -1 else "s", text)
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _td(self._us + other._us)
        if _known(other) and not isinstance(other, date):
            _unsupported("+", self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return _td(self._us + other._us)
        if _known(other):
            _unsupported("+", other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _td(self._us - other._us)
        if _known(other):
            _unsupported("-", self, other)
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return _td(other._us - self._us)
        if _known(other):
            _unsupported("-", other, self)
        return NotImplemented

    def __neg__(self):
        return _td(-self._us)

    def __pos__(self):
        return _td(self._us)

    def __abs__(self):
        return _td(-self._us if self._us < 0 else self._us)

    def __mul__(self, other):
        if isinstance(other, int):
            return _td(self._us * other)
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return _td(_round_half_even_div(self._us * num, den))
        if type(other) in _SEQUENCE_TYPES:
            raise TypeError("can't multiply sequence by non-int of type '%s'" % _type_name(self))
        if _known(other):
            _unsupported("*", self, other)
        return NotImplemented

    def __rmul__(self, other):
        if isinstance(other, int):
            return _td(self._us * other)
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return _td(_round_half_even_div(self._us * num, den))
        if type(other) in _SEQUENCE_TYPES:
            raise TypeError("can't multiply sequence by non-int of type '%s'" % _type_name(self))
        if _known(other):
            _unsupported("*", other, self)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us / other._us
        if isinstance(other, int):
            return _td(_round_half_even_div(self._us, other))
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return _td(_round_half_even_div(self._us * den, num))
        if _known(other):
            _unsupported("/", self, other)
        return NotImplemented

    def __rtruediv__(self, other):
        if _known(other):
            _unsupported("/", other, self)
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us // other._us
        if isinstance(other, int):
            return _td(self._us // other)
        if _known(other):
            _unsupported("//", self, other)
        return NotImplemented

    def __rfloordiv__(self, other):
        if _known(other):
            _unsupported("//", other, self)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return _td(self._us % other._us)
        if _known(other):
            _unsupported("%", self, other)
        return NotImplemented

    def __rmod__(self, other):
        if _known(other):
            _unsupported("%", other, self)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._us, other._us)
            return q, _td(r)
        if _known(other):
            _unsupported("divmod()", self, other)
        return NotImplemented

    def __rdivmod__(self, other):
        if _known(other):
            _unsupported("divmod()", other, self)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._us == other._us
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._us != other._us
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._us < other._us
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._us <= other._us
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._us > other._us
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._us >= other._us
        return NotImplemented

    def __hash__(self):
        return hash((self._days, self._seconds, self._microseconds))

    def __bool__(self):
        return self._us != 0

    def __reduce__(self):
        return type(self), (self._days, self._seconds, self._microseconds)


# --------------------------------------------------------------------------------------------
# date

def _make_date(cls, y, m, d):
    """A date (or an instance of cls) of fields already checked."""
    if cls is date:
        self = _new(date)
        self._year = y
        self._month = m
        self._day = d
        return self
    if cls is datetime:
        return _make_datetime(datetime, y, m, d, 0, 0, 0, 0, None, 0)
    return cls(y, m, d)


def _date_at(cls, n):
    if not 1 <= n <= _MAX_ORDINAL:
        raise OverflowError("date value out of range")
    y, m, d = _from_ordinal(n)
    return _make_date(cls, y, m, d)


class date:
    """A day of the proleptic Gregorian calendar."""

    __slots__ = ("_year", "_month", "_day")

    def __new__(cls, year, month, day):
        year, month, day = _check_date(year, month, day)
        self = _new(cls)
        self._year = year
        self._month = month
        self._day = day
        return self

    # Other constructors

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        if isinstance(t, float):
            if t != t:
                raise ValueError("Invalid value NaN (not a number)")
            if not -9.2e18 < t < 9.2e18:
                raise OverflowError("timestamp out of range for platform time_t")
            secs = _math.floor(t)       # CPython rounds down here, not to the microsecond
        else:
            secs = _split_timestamp(t)[0]
        lt = _time.localtime(secs)
        return _make_date(cls, lt[0], lt[1], lt[2])

    @classmethod
    def fromordinal(cls, n):
        n = _int(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        y, m, d = _from_ordinal(n)
        if y > MAXYEAR:
            raise ValueError("year %d is out of range" % y)
        return _make_date(cls, y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        n = len(date_string)
        ymd = _parse_iso_date(date_string, n) if n == 7 or n == 8 or n == 10 else None
        if ymd is None:
            raise ValueError("Invalid isoformat string: %r" % (date_string,))
        return cls(ymd[0], ymd[1], ymd[2])

    @classmethod
    def fromisocalendar(cls, year, week, day):
        y, m, d = _from_ordinal(_iso_to_ordinal(_int(year), _int(week), _int(day)))
        return cls(y, m, d)

    # Fields

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    # Calendar

    def toordinal(self):
        return _ordinal(self._year, self._month, self._day)

    def weekday(self):
        return (_ordinal(self._year, self._month, self._day) + 6) % 7

    def isoweekday(self):
        return (_ordinal(self._year, self._month, self._day) + 6) % 7 + 1

    def isocalendar(self):
        n = _ordinal(self._year, self._month, self._day)
        y = self._year
        start = _iso_week1_monday(y)
        if n < start:
            y -= 1
            start = _iso_week1_monday(y)
        else:
            following = _iso_week1_monday(y + 1)
            if n >= following:
                y += 1
                start = following
        week, day = divmod(n - start, 7)
        return _IsoCalendarDate(y, week + 1, day + 1)

    def timetuple(self):
        y, m, d = self._year, self._month, self._day
        return _struct_time((y, m, d, 0, 0, 0, (_ordinal(y, m, d) + 6) % 7,
                             _day_of_year(y, m, d), -1))

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    # Text

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def __repr__(self):
        name = "datetime.date" if type(self) is date else type(self).__name__
        return "%s(%d, %d, %d)" % (name, self._year, self._month, self._day)

    def ctime(self):
        y, m, d = self._year, self._month, self._day
        return "%s %s %2d 00:00:00 %04d" % (_DAY_NAMES[(_ordinal(y, m, d) + 6) % 7],
                                            _MONTH_NAMES[m], d, y)

    def strftime(self, format):
        if not isinstance(format, str):
            raise TypeError("strftime() argument 1 must be str, not %s" % _arg_type_name(format))
        y, m, d = self._year, self._month, self._day
        return _strftime(format, (y, m, d, 0, 0, 0, (_ordinal(y, m, d) + 6) % 7,
                                  _day_of_year(y, m, d), -1), 0, None)

    def __format__(self, fmt):
        _format_arg(fmt)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    # Arithmetic

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _date_at(type(self), self.toordinal() + other._days)
        if _known(other):
            _unsupported("+", self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return _date_at(type(self), self.toordinal() + other._days)
        if _known(other):
            _unsupported("+", other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _date_at(type(self), self.toordinal() - other._days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return _td((self.toordinal() - other.toordinal()) * _US_PER_DAY)
        if _known(other):
            _unsupported("-", self, other)
        return NotImplemented

    def __rsub__(self, other):
        if _known(other):
            _unsupported("-", other, self)
        return NotImplemented

    # Comparisons: a date and a datetime are neither equal nor ordered.

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return (self._day == other._day and self._month == other._month
                    and self._year == other._year)
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return (self._day != other._day or self._month != other._month
                    or self._year != other._year)
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return (self._year, self._month, self._day) < (other._year, other._month, other._day)
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return (self._year, self._month, self._day) <= (other._year, other._month, other._day)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return (self._year, self._month, self._day) > (other._year, other._month, other._day)
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return (self._year, self._month, self._day) >= (other._year, other._month, other._day)
        return NotImplemented

    def __hash__(self):
        return hash((self._year, self._month, self._day))

    def __reduce__(self):
        return type(self), (self._year, self._month, self._day)


class IsoCalendarDate(tuple):
    """What date.isocalendar() returns: (year, week, weekday), also by name."""

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return "datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % (
            self[0], self[1], self[2])

    def __reduce__(self):
        return tuple, (tuple(self),)


_IsoCalendarDate = IsoCalendarDate
del IsoCalendarDate


# --------------------------------------------------------------------------------------------
# tzinfo

class tzinfo:
    """The abstract base of time zones: subclasses give utcoffset(), dst() and tzname()."""

    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        """dt (a UTC time given with tzinfo self) as self's local time: the default
        algorithm for zones whose standard offset is fixed."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt._tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dst = dt.dst()
        if dst is None:
            raise ValueError("fromutc: non-None dst() result required")
        standard = offset._us - dst._us
        if standard:
            dt = dt + _td(standard)
            dst = dt.dst()
            if dst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        if dst:
            return dt + dst
        return dt

    def __reduce__(self):
        getinitargs = getattr(self, "__getinitargs__", None)
        args = getinitargs() if getinitargs is not None else ()
        state = getattr(self, "__dict__", None)
        return type(self), args, state or None


# --------------------------------------------------------------------------------------------
# time

def _make_time(cls, hh, mm, ss, us, tz, fold):
    if cls is time:
        self = _new(time)
        self._hour = hh
        self._minute = mm
        self._second = ss
        self._microsecond = us
        self._tzinfo = tz
        self._fold = fold
        return self
    if fold:
        return cls(hh, mm, ss, us, tz, fold=fold)
    return cls(hh, mm, ss, us, tz)


class time:
    """A time of day, with an optional tzinfo."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time(hour, minute, second,
                                                              microsecond, fold)
        _check_tzinfo(tzinfo)
        self = _new(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        return self

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError("fromisoformat: argument must be str")
        text = time_string
        if text[:1] == "T":
            text = text[1:]
        parts = _parse_iso_time(text)
        if parts is None:
            raise ValueError("Invalid isoformat string: %r" % (time_string,))
        return cls(parts[0], parts[1], parts[2], parts[3], parts[4])

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    # Time zone

    def utcoffset(self):
        tz = self._tzinfo
        if tz is None:
            return None
        if type(tz) is timezone:
            return tz._offset
        return _check_offset("utcoffset", tz.utcoffset(None))

    def dst(self):
        tz = self._tzinfo
        if tz is None:
            return None
        return _check_offset("dst", tz.dst(None))

    def tzname(self):
        tz = self._tzinfo
        if tz is None:
            return None
        return _check_tzname(tz.tzname(None))

    # Text

    def isoformat(self, timespec="auto"):
        text = _format_clock(self._hour, self._minute, self._second, self._microsecond,
                             timespec)
        if self._tzinfo is not None:
            text += _format_offset(self.utcoffset(), ":")
        return text

    __str__ = isoformat

    def __repr__(self):
        name = "datetime.time" if type(self) is time else type(self).__name__
        if self._microsecond:
            text = "%s(%d, %d, %d, %d" % (name, self._hour, self._minute, self._second,
                                          self._microsecond)
        elif self._second:
            text = "%s(%d, %d, %d" % (name, self._hour, self._minute, self._second)
        else:
            text = "%s(%d, %d" % (name, self._hour, self._minute)
        if self._tzinfo is not None:
            text += ", tzinfo=%r" % (self._tzinfo,)
        if self._fold:
            text += ", fold=1"
        return text + ")"

    def strftime(self, format):
        if not isinstance(format, str):
            raise TypeError("strftime() argument 1 must be str, not %s" % _arg_type_name(format))
        return _strftime(format, (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1),
                         self._microsecond, self)

    def __format__(self, fmt):
        _format_arg(fmt)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *,
                fold=None):
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    # Comparisons

    def _compare(self, other):
        """-1, 0 or 1; None between a naive and an aware time."""
        if self._tzinfo is not other._tzinfo:
            o1 = self.utcoffset()
            o2 = other.utcoffset()
            if o1 is None or o2 is None:
                if o1 is not o2:
                    return None
            elif o1._us != o2._us:
                # CPython compares whole seconds here and ignores the offsets' microseconds.
                a = (self._hour * 3600 + self._minute * 60 + self._second
                     - o1._days * 86400 - o1._seconds)
                b = (other._hour * 3600 + other._minute * 60 + other._second
                     - o2._days * 86400 - o2._seconds)
                if a == b:
                    a = self._microsecond
                    b = other._microsecond
                if a == b:
                    return 0
                return -1 if a < b else 1
        a = (self._hour, self._minute, self._second, self._microsecond)
        b = (other._hour, other._minute, other._second, other._microsecond)
        if a == b:
            return 0
        return -1 if a < b else 1

    def __eq__(self, other):
        if isinstance(other, time):
            return self._compare(other) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, time):
            return self._compare(other) != 0
        return NotImplemented

    def _order(self, other):
        c = self._compare(other)
        if c is None:
            raise TypeError("can't compare offset-naive and offset-aware times")
        return c

    def __lt__(self, other):
        if isinstance(other, time):
            return self._order(other) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._order(other) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._order(other) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._order(other) >= 0
        return NotImplemented

    def __hash__(self):
        t = self.replace(fold=0) if self._fold else self
        offset = t.utcoffset()
        if offset is None:
            return hash((t._hour, t._minute, t._second, t._microsecond))
        return hash(((t._hour * 60 + t._minute) * 60 + t._second) * 1000000 + t._microsecond
                    - offset._us)

    def __reduce__(self):
        args = (self._hour, self._minute, self._second, self._microsecond, self._tzinfo)
        if self._fold:
            return _time_with_fold, (type(self), args)
        return type(self), args


def _time_with_fold(cls, args):
    return cls(*args, fold=1)


# --------------------------------------------------------------------------------------------
# datetime

def _make_datetime(cls, y, m, d, hh, mm, ss, us, tz, fold):
    if cls is datetime:
        self = _new(datetime)
        self._year = y
        self._month = m
        self._day = d
        self._hour = hh
        self._minute = mm
        self._second = ss
        self._microsecond = us
        self._tzinfo = tz
        self._fold = fold
        return self
    if fold:
        return cls(y, m, d, hh, mm, ss, us, tz, fold=fold)
    return cls(y, m, d, hh, mm, ss, us, tz)


def _fold_matters(dt):
    """Whether dt's utcoffset() changes with its fold (PEP 495's inter-zone exception)."""
    if type(dt._tzinfo) is timezone:
        return False
    return dt.replace(fold=1 - dt._fold).utcoffset() != dt.utcoffset()


class datetime(date):
    """A date and a time of day, with an optional tzinfo."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None,
                *, fold=0):
        year, month, day = _check_date(year, month, day)
        hour, minute, second, microsecond, fold = _check_time(hour, minute, second,
                                                              microsecond, fold)
        _check_tzinfo(tzinfo)
        self = _new(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        return self

    # Other constructors

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        secs, us = _split_timestamp(t)
        if tz is None:
            return _from_local_timestamp(cls, secs, us, None)
        y, m, d, hh, mm, ss = _utc_fields(secs)
        return tz.fromutc(_make_datetime(cls, y, m, d, hh, mm, ss, us, tz, 0))

    @classmethod
    def utcfromtimestamp(cls, t):
        secs, us = _split_timestamp(t)
        y, m, d, hh, mm, ss = _utc_fields(secs)
        return _make_datetime(cls, y, m, d, hh, mm, ss, us, None, 0)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % _arg_type_name(date))
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % _arg_type_name(time))
        if tzinfo is True:
            tzinfo = time._tzinfo
        else:
            _check_tzinfo(tzinfo)
        return _make_datetime(cls, date._year, date._month, date._day, time._hour, time._minute,
                              time._second, time._microsecond, tzinfo, time._fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        parts = _parse_iso_datetime(date_string)
        if parts is None:
            raise ValueError("Invalid isoformat string: %r" % (date_string,))
        return cls(*parts)

    @classmethod
    def strptime(cls, date_string, format):
        if not isinstance(date_string, str):
            raise TypeError("strptime() argument 1 must be str, not %s"
                            % _arg_type_name(date_string))
        if not isinstance(format, str):
            raise TypeError("strptime() argument 2 must be str, not %s" % _arg_type_name(format))
        return cls(*_strptime(date_string, format))

    # Fields

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    def date(self):
        return _make_date(_date_class, self._year, self._month, self._day)

    def time(self):
        return _make_time(_time_class, self._hour, self._minute, self._second,
                          self._microsecond, None, self._fold)

    def timetz(self):
        return _make_time(_time_class, self._hour, self._minute, self._second,
                          self._microsecond, self._tzinfo, self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    # Time zone

    def utcoffset(self):
        tz = self._tzinfo
        if tz is None:
            return None
        if type(tz) is timezone:
            return tz._offset
        return _check_offset("utcoffset", tz.utcoffset(self))

    def dst(self):
        tz = self._tzinfo
        if tz is None:
            return None
        return _check_offset("dst", tz.dst(self))

    def tzname(self):
        tz = self._tzinfo
        if tz is None:
            return None
        return _check_tzname(tz.tzname(self))

    def _seconds(self):
        """Wall-clock seconds since 1970-01-01 00:00, read as if in UTC."""
        return ((_ordinal(self._year, self._month, self._day) - _EPOCH_ORDINAL) * 86400
                + self._hour * 3600 + self._minute * 60 + self._second)

    def _utc_seconds(self):
        """Whole seconds since the epoch: through the offset when aware, else as local."""
        offset = self.utcoffset()
        if offset is None:
            return _local_to_utc(self._seconds(), self._fold)
        return self._seconds() - offset._us // 1000000

    def timestamp(self):
        offset = self.utcoffset()
        if offset is None:
            return _local_to_utc(self._seconds(), self._fold) + self._microsecond / 1e6
        return (self._seconds() * 1000000 + self._microsecond - offset._us) / 1000000

    def astimezone(self, tz=None):
        if tz is not None and not isinstance(tz, tzinfo):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type "
                            "'%s'" % _type_name(tz))
        mine = self._tzinfo
        offset = None
        if mine is not None:
            if mine is tz:
                return self
            offset = self.utcoffset()
        if offset is None:
            # Naive: the wall time is local time.
            offset = _local_timezone_at(_local_to_utc(self._seconds(), self._fold))._offset
        utc = self._shifted(-offset._us, _UTC)
        if tz is None:
            tz = _local_timezone_at(utc._seconds())
        utc._tzinfo = tz
        return tz.fromutc(utc)

    def timetuple(self):
        dst = self.dst()
        isdst = -1 if dst is None else (1 if dst else 0)
        y, m, d = self._year, self._month, self._day
        return _struct_time((y, m, d, self._hour, self._minute, self._second,
                             (_ordinal(y, m, d) + 6) % 7, _day_of_year(y, m, d), isdst))

    def utctimetuple(self):
        t = self
        offset = self.utcoffset()
        if offset is not None:
            t = self._shifted(-offset._us, None)
        y, m, d = t._year, t._month, t._day
        return _struct_time((y, m, d, t._hour, t._minute, t._second,
                             (_ordinal(y, m, d) + 6) % 7, _day_of_year(y, m, d), 0))

    # Text

    def isoformat(self, sep="T", timespec="auto"):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s"
                            % _arg_type_name(sep))
        text = "%04d-%02d-%02d%s%s" % (self._year, self._month, self._day, sep,
                                       _format_clock(self._hour, self._minute, self._second,
                                                     self._microsecond, timespec))
        if self._tzinfo is not None:
            text += _format_offset(self.utcoffset(), ":")
        return text

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        name = "datetime.datetime" if type(self) is datetime else type(self).__name__
        if self._microsecond:
            text = "%s(%d, %d, %d, %d, %d, %d, %d" % (
                name, self._year, self._month, self._day, self._hour, self._minute,
                self._second, self._microsecond)
        elif self._second:
            text = "%s(%d, %d, %d, %d, %d, %d" % (
                name, self._year, self._month, self._day, self._hour, self._minute,
                self._second)
        else:
            text = "%s(%d, %d, %d, %d, %d" % (
                name, self._year, self._month, self._day, self._hour, self._minute)
        if self._tzinfo is not None:
            text += ", tzinfo=%r" % (self._tzinfo,)
        if self._fold:
            text += ", fold=1"
        return text + ")"

    def ctime(self):
        y, m, d = self._year, self._month, self._day
        return "%s %s %2d %02d:%02d:%02d %04d" % (
            _DAY_NAMES[(_ordinal(y, m, d) + 6) % 7], _MONTH_NAMES[m], d, self._hour,
            self._minute, self._second, y)

    def strftime(self, format):
        if not isinstance(format, str):
            raise TypeError("strftime() argument 1 must be str, not %s" % _arg_type_name(format))
        y, m, d = self._year, self._month, self._day
        return _strftime(format, (y, m, d, self._hour, self._minute, self._second,
                                  (_ordinal(y, m, d) + 6) % 7, _day_of_year(y, m, d), -1),
                         self._microsecond, self)

    # Arithmetic

    def _shifted(self, us, tz):
        """self moved by us microseconds, with tzinfo tz (fold 0)."""
        days, us = divmod(us, _US_PER_DAY)
        secs, us = divmod(us, 1000000)
        us += self._microsecond
        secs += self._hour * 3600 + self._minute * 60 + self._second
        if us >= 1000000:
            us -= 1000000
            secs += 1
        if secs >= 86400:
            secs -= 86400
            days += 1
        if days:
            n = _ordinal(self._year, self._month, self._day) + days
            if not 1 <= n <= _MAX_ORDINAL:
                raise OverflowError("date value out of range")
            y, m, d = _from_ordinal(n)
        else:
            y, m, d = self._year, self._month, self._day
        hh, secs = divmod(secs, 3600)
        mm, ss = divmod(secs, 60)
        return _make_datetime(type(self), y, m, d, hh, mm, ss, us, tz, 0)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._shifted(other._us, self._tzinfo)
        if _known(other):
            _unsupported("+", self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self._shifted(other._us, self._tzinfo)
        if _known(other):
            _unsupported("+", other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, datetime):
            us = ((self._seconds() - other._seconds()) * 1000000 + self._microsecond
                  - other._microsecond)
            if self._tzinfo is not other._tzinfo:
                o1 = self.utcoffset()
                o2 = other.utcoffset()
                if (o1 is None) != (o2 is None):
                    raise TypeError("can't subtract offset-naive and offset-aware datetimes")
                if o1 is not None:
                    us -= o1._us - o2._us
            return _td(us)
        if isinstance(other, timedelta):
            return self._shifted(-other._us, self._tzinfo)
        if _known(other):
            _unsupported("-", self, other)
        return NotImplemented

    def __rsub__(self, other):
        if _known(other):
            _unsupported("-", other, self)
        return NotImplemented

    # Comparisons

    def _compare(self, other, equality):
        """-1, 0 or 1; None between a naive and an aware datetime."""
        tz1 = self._tzinfo
        tz2 = other._tzinfo
        shifted = False
        if tz1 is not tz2:
            o1 = self.utcoffset()
            o2 = other.utcoffset()
            if o1 is None or o2 is None:
                if o1 is not o2:
                    return None
            else:
                shifted = True
                if o1._us != o2._us:
                    a = self._seconds() * 1000000 + self._microsecond - o1._us
                    b = other._seconds() * 1000000 + other._microsecond - o2._us
                    if a != b:
                        return -1 if a < b else 1
                    if equality and (_fold_matters(self) or _fold_matters(other)):
                        return 1
                    return 0
        a = (self._year, self._month, self._day, self._hour, self._minute, self._second,
             self._microsecond)
        b = (other._year, other._month, other._day, other._hour, other._minute, other._second,
             other._microsecond)
        if a == b:
            if shifted and equality and (_fold_matters(self) or _fold_matters(other)):
                return 1
            return 0
        return -1 if a < b else 1

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, True) == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, True) != 0
        if isinstance(other, date):
            return True
        return NotImplemented

    def _order(self, other):
        c = self._compare(other, False)
        if c is None:
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return c

    def __lt__(self, other):
        if isinstance(other, datetime):
            return self._order(other) < 0
        if isinstance(other, date):
            _cmp_error(self, other)
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, datetime):
            return self._order(other) <= 0
        if isinstance(other, date):
            _cmp_error(self, other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, datetime):
            return self._order(other) > 0
        if isinstance(other, date):
            _cmp_error(self, other)
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, datetime):
            return self._order(other) >= 0
        if isinstance(other, date):
            _cmp_error(self, other)
        return NotImplemented

    def __hash__(self):
        t = self.replace(fold=0) if self._fold else self
        offset = t.utcoffset()
        if offset is None:
            return hash((t._year, t._month, t._day, t._hour, t._minute, t._second,
                         t._microsecond))
        return hash(t._seconds() * 1000000 + t._microsecond - offset._us)

    def __reduce__(self):
        args = (self._year, self._month, self._day, self._hour, self._minute, self._second,
                self._microsecond, self._tzinfo)
        if self._fold:
            return _datetime_with_fold, (type(self), args)
        return type(self), args


def _datetime_with_fold(cls, args):
    return cls(*args, fold=1)


_date_class = date
_time_class = time


# --------------------------------------------------------------------------------------------
# timezone

_NO_NAME = object()


def _make_timezone(offset, name):
    if not -_US_PER_DAY < offset._us < _US_PER_DAY:
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                         "timedelta(hours=24), not %r." % (offset,))
    self = _new(timezone)
    self._offset = offset
    self._name = name
    return self


def _check_tz_argument(method, dt):
    if dt is not None and not isinstance(dt, datetime):
        raise TypeError("%s(dt) argument must be a datetime instance or None, not %s"
                        % (method, _type_name(dt)))


class timezone(tzinfo):
    """A fixed offset from UTC, with an optional name."""

    __slots__ = ("_offset", "_name")

    def __new__(cls, offset, name=_NO_NAME):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s"
                            % _arg_type_name(offset))
        if name is _NO_NAME:
            if not offset._us:
                return _UTC
            name = None
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s"
                            % _arg_type_name(name))
        return _make_timezone(offset, name)

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'datetime.timezone' is not an acceptable base type")

    def utcoffset(self, dt):
        _check_tz_argument("utcoffset", dt)
        return self._offset

    def dst(self, dt):
        _check_tz_argument("dst", dt)
        return None

    def tzname(self, dt):
        _check_tz_argument("tzname", dt)
        if self._name is not None:
            return self._name
        if not self._offset._us:
            return "UTC"
        return "UTC" + _format_offset(self._offset, ":")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt._tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt._shifted(self._offset._us, self)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset._us == other._offset._us
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timezone):
            return self._offset._us != other._offset._us
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is _UTC:
            return "datetime.timezone.utc"
        if self._name is None:
            return "datetime.timezone(%r)" % (self._offset,)
        return "datetime.timezone(%r, %r)" % (self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return type(self), self.__getinitargs__()


# --------------------------------------------------------------------------------------------
# ISO 8601 parsing (fromisoformat)

def _digits(s, i, n):
    """The n ASCII digits of s at i as an int, or -1."""
    part = s[i:i + n]
    if len(part) != n or not part.isdigit() or max(part) > "9":
        return -1
    return int(part)


def _parse_iso_date(s, n):
    """(year, month, day) of the date in s[:n]: YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D] or
    YYYYWww[D]; None if malformed (the ranges of month and day are the constructor's to
    check). Like CPython 3.11, this reads the fields the form needs and does not look for
    more: what follows them up to n is ignored."""
    y = _digits(s, 0, 4)
    if y < 0:
        return None
    dashes = s[4:5] == "-"
    i = 5 if dashes else 4
    if s[i:i + 1] == "W":
        week = _digits(s, i + 1, 2)
        if week < 0:
            return None
        i += 3
        day = 1
        if i < n:
            if dashes:
                if s[i:i + 1] != "-":
                    return None
                i += 1
            day = _digits(s, i, 1)
            if day < 0:
                return None
        return _iso_week_date(y, week, day)
    m = _digits(s, i, 2)
    if m < 0:
        return None
    i += 2
    if dashes:
        if s[i:i + 1] != "-":
            return None
        i += 1
    d = _digits(s, i, 2)
    if d < 0:
        return None
    return y, m, d


def _iso_week_date(y, week, day):
    if week < 0 or day < 0:
        return None
    try:
        n = _iso_to_ordinal(y, week, day)
    except ValueError:
        return None
    return _from_ordinal(n)


def _iso_date_length(s):
    """Where the date ends in an ISO datetime string (the separator's index), by the shape of
    its date (CPython 3.11's rules, ambiguities included); -1 if that cannot be told."""
    n = len(s)
    if n == 7:
        return 7
    if s[4] == "-":
        if s[5] != "W":
            return 10
        if n > 8 and s[8] == "-":
            if n == 9:
                return -1
            if n > 10 and "0" <= s[10] <= "9":
                return 8
            return 10
        return 8
    if s[4] == "W":
        i = 7
        while i < n and "0" <= s[i] <= "9":
            i += 1
        if i < 9:
            return i
        return 7 if i % 2 == 0 else 8
    return 8


def _parse_clock(s, i, end):
    """(hour, minute, second, microsecond, clean) of the clock time HH[[:]MM[[:]SS]][frac]
    in s[i:end], None if malformed. The separators are all colons or none; the fraction is
    '.' or ',' and digits, of which the first six count. As in CPython 3.11, one stray
    character may end the segment, and so may junk after a fraction of more than six digits:
    clean is False then, which only a time followed by a UTC offset may be."""
    values = [0, 0, 0]
    extended = False
    k = 0
    while k < 3:
        v = _digits(s, i, 2)
        if v < 0:
            return None
        values[k] = v
        i += 2
        if i >= end:
            return values[0], values[1], values[2], 0, True
        c = s[i]
        i += 1
        if k == 0:
            extended = c == ":"
        if i >= end:
            return values[0], values[1], values[2], 0, False
        if extended and c == ":":
            k += 1
            continue
        if c == "." or c == ",":
            break
        if extended:
            return None
        i -= 1
        k += 1
    take = end - i
    if take > 6:
        take = 6
    frac = s[i:i + take]
    if not frac.isdigit() or max(frac) > "9":
        return None
    us = int(frac) * (10 ** (6 - take))
    i += take
    while i < end and "0" <= s[i] <= "9":
        i += 1
    return values[0], values[1], values[2], us, i == end


def _parse_iso_time(s):
    """(hour, minute, second, microsecond, tzinfo) of an ISO 8601 time with an optional
    Z or +HH[:MM[:SS[.ffffff]]] offset; None if malformed."""
    n = len(s)
    cut = n
    for sign in "+-Z":
        i = s.find(sign, 0, cut)
        if i >= 0:
            cut = i
    clock = _parse_clock(s, 0, cut)
    if clock is None:
        return None
    tz = None
    if cut == n:
        if not clock[4]:
            return None
    elif s[cut] == "Z":
        if cut + 1 != n:
            return None
        tz = _UTC
    else:
        off = _parse_clock(s, cut + 1, n)
        if off is None or not off[4]:
            return None
        seconds = (off[0] * 60 + off[1]) * 60 + off[2]
        us = off[3]
        if s[cut] == "-":
            seconds = -seconds
            us = -us
        # CPython takes an offset of zero whole seconds as UTC, whatever its microseconds.
        tz = _UTC if not seconds else _make_timezone(_td(seconds * 1000000 + us), None)
    return clock[0], clock[1], clock[2], clock[3], tz


def _parse_iso_datetime(s):
    if len(s) < 7:
        return None
    cut = _iso_date_length(s)
    if cut < 0:
        return None
    ymd = _parse_iso_date(s, cut)
    if ymd is None:
        return None
    if cut >= len(s):
        return ymd[0], ymd[1], ymd[2]
    t = _parse_iso_time(s[cut + 1:])
    if t is None:
        return None
    return ymd + t


# --------------------------------------------------------------------------------------------
# strptime
#
# The format becomes a list of tokens (kept in a cache): a literal character (matched without
# regard to case), a run of whitespace (one or more whitespace characters) or a directive.
# Each directive offers the ways it can match at a position in CPython's order of preference
# (its regular expression's alternatives), and the matcher backtracks through them, so the
# first full match is the one CPython's regular expression finds.

_LITERAL, _SPACE, _DIRECTIVE = 0, 1, 2

# (width, low, high) of each numeric directive, in order of preference.
_NUMERIC = {
    "d": ((2, 1, 31), (1, 1, 9)),
    "m": ((2, 1, 12), (1, 1, 9)),
    "I": ((2, 1, 12), (1, 1, 9)),
    "H": ((2, 0, 23), (1, 0, 9)),
    "M": ((2, 0, 59), (1, 0, 9)),
    "S": ((2, 0, 61), (1, 0, 9)),
    "U": ((2, 0, 53), (1, 0, 9)),
    "W": ((2, 0, 53), (1, 0, 9)),
    "V": ((2, 1, 53), (1, 0, 9)),
    "j": ((3, 1, 366), (2, 1, 99), (1, 1, 9)),
    "y": ((2, 0, 99),),
    "Y": ((4, 0, 9999),),
    "G": ((4, 0, 9999),),
    "f": ((6, 0, 999999), (5, 0, 99999), (4, 0, 9999), (3, 0, 999), (2, 0, 99), (1, 0, 9)),
    "w": ((1, 0, 6),),
    "u": ((1, 1, 7),),
}


def _longest_first(names):
    return sorted([n.lower() for n in names], key=len, reverse=True)


_NAMES = {
    "a": _longest_first(_DAY_NAMES),
    "A": _longest_first(_FULL_DAY_NAMES),
    "b": _longest_first(_MONTH_NAMES[1:]),
    "B": _longest_first(_FULL_MONTH_NAMES[1:]),
    "p": ["am", "pm"],
}

_LOCALE_FORMATS = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S"}
_REGEX_SPECIALS = "\\.^$*+?(){}[]|"
_STRPTIME_CACHE = {}


def _zone_names():
    names = {"utc", "gmt", _time.tzname[0].lower()}
    if _time.daylight:
        names.add(_time.tzname[1].lower())
    return _longest_first(names)


def _compile_strptime(fmt, whole, tokens):
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c == "%":
            if i + 1 >= n:
                raise ValueError("stray %% in format '%s'" % whole)
            d = fmt[i + 1]
            if d in _NUMERIC or d in _NAMES or d == "z" or d == "Z":
                tokens.append((_DIRECTIVE, d))
            elif d == "%":
                tokens.append((_LITERAL, "%"))
            elif d in _LOCALE_FORMATS:
                _compile_strptime(_LOCALE_FORMATS[d], whole, tokens)
            elif d in _REGEX_SPECIALS or d.isspace():
                # CPython escapes these (or turns whitespace into a pattern) before it reads
                # directives, and so reports the bad directive as '%'.
                raise ValueError("'%%' is a bad directive in format '%s'" % whole)
            else:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, whole))
            i += 2
        elif c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            tokens.append((_SPACE, None))
        else:
            tokens.append((_LITERAL, c.lower()))
            i += 1
    return tokens


def _minutes_at(s, i):
    c = s[i:i + 1]
    return c != "" and "0" <= c <= "5" and "0" <= s[i + 1:i + 2] <= "9" and s[i + 1:i + 2] != ""


def _offset_ends(s, i):
    """Where a %z match starting at i can end, longest first."""
    c = s[i:i + 1]
    if c == "Z":
        return [i + 1]
    if (c != "+" and c != "-") or _digits(s, i + 1, 2) < 0:
        return []
    j = i + 3
    if s[j:j + 1] == ":":
        j += 1
    if not _minutes_at(s, j):
        return []
    j += 2
    ends = []
    k = j
    if s[k:k + 1] == ":":
        k += 1
    if _minutes_at(s, k):
        k += 2
        if s[k:k + 1] == ".":
            digits = 0
            while digits < 6 and "0" <= s[k + 1 + digits:k + 2 + digits] <= "9" \
                    and s[k + 1 + digits:k + 2 + digits] != "":
                digits += 1
            while digits:
                ends.append(k + 1 + digits)
                digits -= 1
        ends.append(k)
    ends.append(j)
    return ends


def _directive_ends(d, s, i):
    """Where directive d can end when it starts at s[i], in order of preference."""
    spec = _NUMERIC.get(d)
    if spec is not None:
        ends = []
        for width, low, high in spec:
            v = _digits(s, i, width)
            if v >= 0 and low <= v <= high:
                ends.append(i + width)
        if d == "d" and s[i:i + 1] == " " and "1" <= s[i + 1:i + 2] <= "9":
            ends.append(i + 2)
        return ends
    if d == "z":
        return _offset_ends(s, i)
    names = _zone_names() if d == "Z" else _NAMES[d]
    ends = []
    for name in names:
        if s[i:i + len(name)].lower() == name:
            ends.append(i + len(name))
    return ends


def _match_tokens(tokens, k, s, i, found):
    """Match tokens[k:] against s from i; the end of the match, or -1."""
    count = len(tokens)
    n = len(s)
    while k < count:
        kind, arg = tokens[k]
        if kind == _LITERAL:
            if i < n and (s[i] == arg or s[i].lower() == arg):
                i += 1
                k += 1
                continue
            return -1
        if kind == _SPACE:
            j = i
            while j < n and s[j].isspace():
                j += 1
            if j == i:
                return -1
            ends = list(range(j, i, -1))
        else:
            ends = _directive_ends(arg, s, i)
        if not ends:
            return -1
        if len(ends) == 1:
            if kind == _DIRECTIVE:
                found[arg] = s[i:ends[0]]
            i = ends[0]
            k += 1
            continue
        for end in ends:
            if kind == _DIRECTIVE:
                found[arg] = s[i:end]
            result = _match_tokens(tokens, k + 1, s, end, found)
            if result >= 0:
                return result
        return -1
    return i


def _parse_offset(z):
    """(seconds, microseconds) of a %z match."""
    if z == "Z":
        return 0, 0
    colon = z[3] == ":"
    body = z[4:] if colon else z[3:]
    minutes = int(body[:2])
    seconds = 0
    fraction = 0
    rest = body[2:]
    if rest:
        if rest[0] == ":":
            if not colon:
                raise ValueError("invalid literal for int() with base 10: %r" % rest[:2])
            rest = rest[1:]
        elif colon:
            raise ValueError("Inconsistent use of : in %s" % z)
        seconds = int(rest[:2])
        frac = rest[3:]
        if frac:
            fraction = int(frac) * (10 ** (6 - len(frac)))
    total = int(z[1:3]) * 3600 + minutes * 60 + seconds
    if z[0] == "-":
        return -total, -fraction
    return total, fraction


def _strptime(data, fmt):
    """The datetime arguments (year, month, day, hour, minute, second, microsecond[, tz]) that
    data gives when read with fmt."""
    tokens = _STRPTIME_CACHE.get(fmt)
    if tokens is None:
        tokens = _compile_strptime(fmt, fmt, [])
        if len(_STRPTIME_CACHE) > 100:
            _STRPTIME_CACHE.clear()
        _STRPTIME_CACHE[fmt] = tokens
    found = {}
    end = _match_tokens(tokens, 0, data, 0, found)
    if end < 0:
        raise ValueError("time data %r does not match format %r" % (data, fmt))
    if end != len(data):
        raise ValueError("unconverted data remains: %s" % data[end:])

    year = None
    month = day = 1
    hour = minute = second = fraction = 0
    gmtoff = None
    gmtoff_fraction = 0
    iso_year = iso_week = week_of_year = weekday = julian = None
    week_starts_monday = True
    for key, value in found.items():
        if key == "y":
            year = int(value)
            year += 2000 if year <= 68 else 1900
        elif key == "Y":
            year = int(value)
        elif key == "G":
            iso_year = int(value)
        elif key == "m":
            month = int(value)
        elif key == "B":
            month = _FULL_MONTH_NAMES.index(value.capitalize())
        elif key == "b":
            month = _MONTH_NAMES.index(value.capitalize())
        elif key == "d":
            day = int(value)
        elif key == "H":
            hour = int(value)
        elif key == "I":
            hour = int(value)
            ampm = found.get("p", "").lower()
            if ampm == "pm":
                if hour != 12:
                    hour += 12
            elif hour == 12:
                hour = 0
        elif key == "M":
            minute = int(value)
        elif key == "S":
            second = int(value)
        elif key == "f":
            fraction = int(value) * (10 ** (6 - len(value)))
        elif key == "A":
            weekday = _FULL_DAY_NAMES.index(value.capitalize())
        elif key == "a":
            weekday = _DAY_NAMES.index(value.capitalize())
        elif key == "w":
            weekday = (int(value) + 6) % 7
        elif key == "u":
            weekday = int(value) - 1
        elif key == "j":
            julian = int(value)
        elif key == "U" or key == "W":
            week_of_year = int(value)
            week_starts_monday = key == "W"
        elif key == "V":
            iso_week = int(value)
        elif key == "z":
            gmtoff, gmtoff_fraction = _parse_offset(value)

    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week directive "
                             "'%V' and a weekday directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO year "
                             "directive '%G'. Use '%Y' instead.")
    elif week_of_year is None and iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year directive "
                             "'%G' and a weekday directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year directive "
                         "'%Y'. Use the ISO year '%G' instead.")

    leap_day_without_year = False
    if year is None:
        if month == 2 and day == 29:
            year = 1904     # a leap year for the calculations; 1900 again at the end
            leap_day_without_year = True
        else:
            year = 1900

    if julian is None and weekday is not None:
        if week_of_year is not None:
            first = (_ordinal(year, 1, 1) + 6) % 7
            wd = weekday
            if not week_starts_monday:
                first = (first + 1) % 7
                wd = (wd + 1) % 7
            if week_of_year == 0:
                julian = 1 + wd - first
            else:
                julian = 1 + (7 - first) % 7 + 7 * (week_of_year - 1) + wd
        elif iso_year is not None and iso_week is not None:
            n = _iso_week1_monday(iso_year) + (iso_week - 1) * 7 + weekday
            year = iso_year
            julian = n - _ordinal(iso_year, 1, 1) + 1
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365

    if julian is not None:
        first = date(year, 1, 1).toordinal()
        year, month, day = _from_ordinal(first + julian - 1)
        if year > MAXYEAR:
            raise ValueError("year %d is out of range" % year)
    else:
        # Only to check the date, as CPython does while it computes the day of the year.
        date(year, month, day)

    if leap_day_without_year:
        year = 1900

    if gmtoff is None:
        return year, month, day, hour, minute, second, fraction
    offset = timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
    name = found.get("Z")
    tz = timezone(offset, name) if name else timezone(offset)
    return year, month, day, hour, minute, second, fraction, tz


# --------------------------------------------------------------------------------------------
# Class constants

_UTC = _make_timezone(_td(0), None)
timezone.utc = _UTC
timezone.min = _make_timezone(_td(-(23 * 60 + 59) * 60000000), None)
timezone.max = _make_timezone(_td((23 * 60 + 59) * 60000000), None)
UTC = _UTC

timedelta.min = _td(-_DAY_LIMIT * _US_PER_DAY)
timedelta.max = _td((_DAY_LIMIT + 1) * _US_PER_DAY - 1)
timedelta.resolution = _td(1)

date.min = date(MINYEAR, 1, 1)
date.max = date(MAXYEAR, 12, 31)
date.resolution = _td(_US_PER_DAY)

time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = _td(1)

datetime.min = datetime(MINYEAR, 1, 1)
datetime.max = datetime(MAXYEAR, 12, 31, 23, 59, 59, 999999)
datetime.resolution = _td(1)

_OWN_TYPES.update((date, datetime, time, timedelta, tzinfo, timezone))
