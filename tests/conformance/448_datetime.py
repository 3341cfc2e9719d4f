# datetime: timedelta, date, time, datetime, tzinfo and timezone; constructors, arithmetic,
# comparisons, formatting and parsing, with CPython's reprs and error messages. Only fixed
# timestamps with timezone.utc or fixed offsets: no local time values, no clock readings.
import copy
import datetime
from datetime import date, time, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


dt = datetime.datetime
utc = timezone.utc
plus1 = timezone(timedelta(hours=1))
ist = timezone(timedelta(hours=5, minutes=30), "IST")
minus5 = timezone(-timedelta(hours=5))

print("-- module")
print(MINYEAR, MAXYEAR, datetime.UTC is utc, datetime.MINYEAR)

print("-- timedelta")
td = timedelta(days=1, seconds=5)
print(repr(td), str(td), td.days, td.seconds, td.microseconds)
print(repr(timedelta(weeks=1, days=-1, hours=25, minutes=-1, seconds=61, milliseconds=1500,
                     microseconds=-1)))
print(repr(timedelta()), repr(timedelta(0)), str(timedelta()))
print(str(timedelta(seconds=-0.5)), str(timedelta(microseconds=-1)), str(timedelta(days=-2)))
print(str(timedelta(days=2, hours=3, microseconds=7)), str(timedelta(days=-1, seconds=86399)))
print(repr(timedelta(seconds=0.5e-6)), repr(timedelta(seconds=1.5e-6)),
      repr(timedelta(seconds=2.5e-6)), repr(timedelta(microseconds=-0.5)),
      repr(timedelta(microseconds=-1.5)))
print(repr(timedelta(days=0.1, hours=0.3, microseconds=0.7)), repr(timedelta(hours=1.25)),
      repr(timedelta(days=-0.000001)), repr(timedelta(minutes=0.1)))
print(repr(timedelta(milliseconds=1.0000005)), repr(timedelta(weeks=0.5, seconds=-0.25)))
print(timedelta.min, timedelta.max, repr(timedelta.resolution))
print(td.total_seconds(), timedelta(microseconds=1).total_seconds(),
      timedelta(days=-1).total_seconds(), timedelta.max.total_seconds())
a = timedelta(hours=3, minutes=20)
b = timedelta(minutes=45)
print(a + b, a - b, b - a, -a, +a, abs(-a), a * 2, 3 * b, a * 0.5, 0.1 * a, a * -1.5)
print(a / b, a // b, a % b, divmod(a, b), a / 4, a / 3, a // 7, a / 0.3, a / -2.5)
print(timedelta(seconds=7) // timedelta(seconds=-2), timedelta(seconds=-7) % timedelta(seconds=2),
      divmod(timedelta(seconds=-7), timedelta(seconds=2)))
print(timedelta(microseconds=5) / 2, timedelta(microseconds=7) / 2, timedelta(microseconds=-5) / 2,
      timedelta(microseconds=1) * 0.5, timedelta(microseconds=3) * 0.5)
print(a > b, a < b, a == timedelta(seconds=12000), a != b, a >= a, b <= a, a == 5, a != "x")
print(bool(timedelta()), bool(timedelta(microseconds=1)), hash(a) == hash(timedelta(seconds=12000)))
print(sum([a, b, b], timedelta()), max(a, b), sorted([a, -b, b]))
show(lambda: timedelta(days=1000000000))
show(lambda: timedelta(days=999999999, hours=24))
show(lambda: timedelta.max + timedelta.resolution)
show(lambda: timedelta.min - timedelta(1))
show(lambda: timedelta(days="1"))
show(lambda: timedelta(seconds=[]))
show(lambda: timedelta(hours=float("inf")))
show(lambda: timedelta(minutes=float("nan")))
show(lambda: a / 0)
show(lambda: a // 0)
show(lambda: a / timedelta(0))
show(lambda: a // timedelta(0))
show(lambda: a % timedelta(0))
show(lambda: a / 0.0)
show(lambda: a * float("inf"))
show(lambda: a * float("nan"))
show(lambda: a + 1)
show(lambda: 1 + a)
show(lambda: a - 1.5)
show(lambda: "x" - a)
show(lambda: a * "ab")
show(lambda: a / "x")
show(lambda: 2 / a)
show(lambda: a % 2)
show(lambda: 2 // a)

print("-- date")
d = date(2024, 2, 29)
print(repr(d), str(d), d.year, d.month, d.day, d.isoformat(), repr(date.min), repr(date.max))
print(repr(date.resolution), d.toordinal(), date(1, 1, 1).toordinal(), date(1970, 1, 1).toordinal())
print(d.weekday(), d.isoweekday(), d.ctime(), date(2024, 1, 9).ctime())
print(d.timetuple())
print(d.timetuple().tm_yday, date(2023, 12, 31).timetuple().tm_yday,
      date(2024, 12, 31).timetuple().tm_yday)
ic = d.isocalendar()
print(ic, ic.year, ic.week, ic.weekday, ic[0], tuple(ic), type(ic).__name__, isinstance(ic, tuple))
for y, m, dd in [(2024, 1, 1), (2023, 1, 1), (2021, 1, 3), (2020, 12, 31), (2026, 12, 31),
                 (2027, 1, 1), (2008, 12, 29), (2010, 1, 3), (1, 1, 1), (9999, 12, 31)]:
    print(y, m, dd, tuple(date(y, m, dd).isocalendar()))
print(repr(date.fromisocalendar(2020, 53, 7)), repr(date.fromisocalendar(2024, 1, 1)),
      repr(date.fromisocalendar(2025, 1, 1)))
print(repr(date.fromordinal(738945)), repr(date.fromordinal(1)), repr(date.fromordinal(3652059)))
for n in (1, 59, 60, 365, 366, 730119, 730120, 730485, 693596, 693961):
    dn = date.fromordinal(n)
    print(n, dn, dn.toordinal() == n)
print(repr(date.fromisoformat("2024-02-29")), repr(date.fromisoformat("20240229")),
      repr(date.fromisoformat("2024-W09-4")), repr(date.fromisoformat("2024W094")),
      repr(date.fromisoformat("2024-W01")))
print(repr(date.fromtimestamp(0).__class__), type(date.today()) is date)
print(d + timedelta(1), d + timedelta(days=-60), timedelta(days=366) + d, d - timedelta(days=366))
print(date(2023, 1, 31) + timedelta(28), date(2024, 1, 31) + timedelta(29), date(2023, 12, 31) + timedelta(1))
print(d + timedelta(seconds=86399), d - timedelta(seconds=1), d - timedelta(hours=25))
print(repr(d - date(2000, 1, 1)), repr(date(2000, 1, 1) - d), repr(d - d))
print(d.replace(day=1), d.replace(year=2025, day=28), d.replace(month=3))
print(d == date(2024, 2, 29), d != date(2024, 2, 28), d < date(2024, 3, 1), d >= date(2025, 1, 1),
      d == "2024-02-29", d == dt(2024, 2, 29), d != dt(2024, 2, 29))
print(hash(d) == hash(date(2024, 2, 29)), {d: 1, date(2024, 2, 29): 2})
print(sorted([date(2024, 1, 3), date(2023, 5, 5), date(2024, 1, 1)]))
print(d.strftime("%Y-%m-%d %a %A %b %B %j %U %W %w %y %%"), d.strftime(""), d.strftime("%H:%M:%S.%f|%z|%Z|"))
print(f"{d:%d/%m/%Y}", f"{d}", "{:%A}".format(d), format(d, ""), format(d, "%B %d"))
show(lambda: date(0, 1, 1))
show(lambda: date(10000, 1, 1))
show(lambda: date(2024, 0, 1))
show(lambda: date(2024, 13, 1))
show(lambda: date(2023, 2, 29))
show(lambda: date(2024, 4, 31))
show(lambda: date(2024, 1, 0))
show(lambda: date(2024.0, 1, 1))
show(lambda: date("2024", 1, 1))
show(lambda: date(2024, 1, None))
show(lambda: d.replace(month=13))
show(lambda: date.fromordinal(0))
show(lambda: date.fromordinal(3652060))
show(lambda: date.fromisoformat("2024-1-1"))
show(lambda: date.fromisoformat("2024-02-30"))
show(lambda: date.fromisoformat("2024-13-01"))
show(lambda: date.fromisoformat("2024-W53"))
show(lambda: date.fromisoformat("2024-01-01T00:00"))
show(lambda: date.fromisoformat(20240101))
show(lambda: date.fromisocalendar(2024, 53, 1))
show(lambda: date.fromisocalendar(2024, 1, 8))
show(lambda: date.fromisocalendar(0, 1, 1))
show(lambda: date.max + timedelta(1))
show(lambda: date.min - timedelta(1))
show(lambda: d + d)
show(lambda: d + 1)
show(lambda: 1 + d)
show(lambda: d - 1)
show(lambda: d - dt(2024, 1, 1))
show(lambda: dt(2024, 1, 1) - d)
show(lambda: d < dt(2024, 1, 1))
show(lambda: dt(2024, 1, 1) >= d)
show(lambda: d.strftime(5))
show(lambda: format(d, 5))

print("-- time")
t = time(13, 5, 9, 250)
print(repr(t), str(t), t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.fold)
print(repr(time()), repr(time(1)), repr(time(1, 2, 3)), repr(time(1, 2, 0, 4)), repr(time.min), repr(time.max))
print(repr(time(1, tzinfo=utc)), repr(time(1, 2, 3, 4, tzinfo=plus1, fold=1)), repr(time(0, fold=1)))
for spec in ("auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"):
    print(spec, t.isoformat(spec), time(7, 8, 9).isoformat(timespec=spec))
print(time(1, 2, tzinfo=ist).isoformat(), str(time(23, 59, 59, 999999, tzinfo=minus5)))
print(time(1, 2, tzinfo=ist).utcoffset(), time(1, 2, tzinfo=ist).tzname(), time(1, 2, tzinfo=ist).dst(),
      time(1).utcoffset(), time(1).tzname())
print(t.strftime("%H|%I|%M|%S|%f|%p|%z|%Z|%%"), time(4, tzinfo=ist).strftime("%z %Z"), f"{t:%H.%M}", f"{t}")
print(repr(t.replace(hour=0)), repr(t.replace(tzinfo=utc)), repr(time(1, tzinfo=utc).replace(tzinfo=None)),
      repr(t.replace(fold=1)))
print(repr(time.fromisoformat("10:30")), repr(time.fromisoformat("10:30:05.5")),
      repr(time.fromisoformat("T1030")), repr(time.fromisoformat("10:30:00+05:30")),
      repr(time.fromisoformat("103000Z")), repr(time.fromisoformat("10:30:00,123456789")))
print(time(1) < time(2), time(1) == time(1, 0), time(12, tzinfo=utc) == time(13, tzinfo=plus1),
      time(12, tzinfo=utc) < time(12, 30, tzinfo=plus1), time(1) == time(1, tzinfo=utc),
      time(1) != time(1, tzinfo=utc), time(3, fold=1) == time(3), bool(time()))
print(hash(time(12, tzinfo=utc)) == hash(time(13, tzinfo=plus1)), hash(time(5)) == hash(time(5, fold=1)))
show(lambda: time(24))
show(lambda: time(1, 60))
show(lambda: time(1, 1, 60))
show(lambda: time(1, 1, 1, 1000000))
show(lambda: time(-1))
show(lambda: time(1, fold=2))
show(lambda: time(1, tzinfo=1))
show(lambda: time(1.5))
show(lambda: time(1) < time(1, tzinfo=utc))
show(lambda: time(1).isoformat("days"))
show(lambda: time.fromisoformat("25:00"))
show(lambda: time.fromisoformat("10:30:00.+"))
show(lambda: time.fromisoformat("10:3"))
show(lambda: time.fromisoformat(""))
show(lambda: time(1) + timedelta(1))

print("-- datetime")
x = dt(2024, 1, 2, 3, 4, 5, 6)
print(repr(x), str(x), x.year, x.month, x.day, x.hour, x.minute, x.second, x.microsecond, x.tzinfo, x.fold)
print(repr(dt(2024, 1, 2)), repr(dt(2024, 1, 2, 3, 4, 5)), repr(dt(2024, 1, 2, 0, 0, 0, 1)),
      repr(dt(2024, 1, 2, tzinfo=utc)), repr(dt(2024, 1, 2, fold=1)), repr(dt(2024, 1, 2, 5, tzinfo=ist)))
print(repr(dt.min), repr(dt.max), repr(dt.resolution), isinstance(x, date), issubclass(dt, date))
print(x.isoformat(), x.isoformat(" "), x.isoformat("x", "minutes"), x.isoformat(timespec="milliseconds"),
      dt(2024, 1, 2, 3, tzinfo=minus5).isoformat(timespec="hours"), dt(2024, 1, 2).isoformat())
print(str(dt(2024, 1, 2, tzinfo=timezone(timedelta(seconds=-3661, microseconds=5)))))
print(repr(x.date()), repr(x.time()), repr(dt(2024, 1, 2, 3, tzinfo=utc, fold=1).timetz()),
      repr(dt(2024, 1, 2, 3, tzinfo=utc).time()))
print(x.timetuple())
print(dt(2024, 7, 1, 12, tzinfo=utc).timetuple().tm_isdst, x.timetuple().tm_isdst,
      dt(2024, 1, 1, 2, tzinfo=plus1).utctimetuple())
print(x.ctime(), x.weekday(), x.isoweekday(), tuple(x.isocalendar()), x.toordinal())
print(x.strftime("%Y-%m-%d %H:%M:%S.%f %z %Z %a %j"), dt(2024, 1, 2, tzinfo=ist).strftime("%z|%Z|%%z"))
print(dt(2024, 1, 2, tzinfo=timezone(timedelta(hours=-1, seconds=-30), "A%B")).strftime("[%z] [%Z]"))
print(f"{x:%d.%m.%Y %H:%M}", f"{x}", format(dt(2024, 5, 6, tzinfo=utc), "%c %Z"))
print(repr(x.replace(year=2023, microsecond=0)), repr(x.replace(tzinfo=utc)),
      repr(dt(2024, 1, 1, tzinfo=utc).replace(tzinfo=None)), repr(x.replace(fold=1)))
print(repr(dt.combine(date(2024, 1, 1), time(5, 6, tzinfo=utc))),
      repr(dt.combine(date(2024, 1, 1), time(5), plus1)),
      repr(dt.combine(dt(2020, 2, 2, 9), time(1, fold=1))))
print(repr(dt.fromordinal(738945)), repr(dt.fromisocalendar(2024, 9, 4)))

print("-- timestamps")
print(repr(dt.fromtimestamp(0, utc)), repr(dt.fromtimestamp(1700000000.5, utc)),
      repr(dt.fromtimestamp(-1.25, utc)), repr(dt.fromtimestamp(1e9, plus1)))
print(repr(dt.utcfromtimestamp(1234567890)), repr(dt.utcfromtimestamp(0.0000005)),
      repr(dt.utcfromtimestamp(0.0000015)), repr(dt.utcfromtimestamp(1.9999999)),
      repr(dt.utcfromtimestamp(-0.0000005)))
print(repr(dt.fromtimestamp(951782400, ist)), repr(dt.fromtimestamp(253402300799, utc)),
      repr(dt.fromtimestamp(-62135596800, utc)))
print(dt(2024, 1, 2, 3, 4, 5, 6, tzinfo=utc).timestamp(), dt(1970, 1, 1, tzinfo=plus1).timestamp(),
      dt(2038, 1, 19, 3, 14, 8, tzinfo=utc).timestamp(), dt(1, 1, 1, tzinfo=utc).timestamp())
print(type(dt.now()) is dt, type(dt.utcnow()) is dt, type(dt.today()) is dt, dt.now().tzinfo,
      dt.utcnow().tzinfo, dt.now(utc).tzinfo, dt.now(ist).tzinfo, type(dt.now().timestamp()))
print(dt.now(utc) - dt.now(utc) < timedelta(seconds=5), abs(dt.utcnow() - dt.now(utc).replace(tzinfo=None)) < timedelta(seconds=5))
print(type(dt(2024, 1, 1).astimezone().utcoffset()), dt(2024, 1, 1, tzinfo=utc).astimezone().tzinfo is not None,
      type(dt(2024, 1, 1).timestamp()), type(dt.fromtimestamp(0)))
show(lambda: dt.fromtimestamp(1e20, utc))
show(lambda: dt.utcfromtimestamp(float("nan")))
show(lambda: dt.fromtimestamp("x", utc))
show(lambda: dt.fromtimestamp(0, 5))
show(lambda: dt.utcfromtimestamp(1e12))

print("-- time zones")
print(repr(utc), str(utc), repr(plus1), str(plus1), repr(ist), str(ist), repr(minus5), str(minus5))
print(repr(timezone.min), str(timezone.min), repr(timezone.max), str(timezone.max))
print(timezone(timedelta(0)) is utc, repr(timezone(timedelta(0), "UTC")), timezone(timedelta(0), "UTC") == utc)
print(str(timezone(timedelta(seconds=-1))), str(timezone(-timedelta(hours=5, microseconds=3))),
      str(timezone(timedelta(hours=1, seconds=30))))
print(plus1.utcoffset(None), plus1.dst(None), plus1.tzname(None), ist.tzname(x), utc.utcoffset(x))
print(plus1 == timezone(timedelta(minutes=60), "other"), plus1 != minus5, hash(plus1) == hash(timezone(timedelta(hours=1))))
print(isinstance(utc, tzinfo), type(utc).__name__, repr(plus1.fromutc(dt(2024, 1, 1, 23, 30, tzinfo=plus1))))
show(lambda: timezone(timedelta(hours=24)))
show(lambda: timezone(-timedelta(hours=24)))
show(lambda: timezone(5))
show(lambda: timezone(timedelta(hours=1), 5))
show(lambda: timezone(timedelta(hours=1), None))
show(lambda: utc.tzname(5))
show(lambda: utc.utcoffset("x"))
show(lambda: utc.fromutc(5))
show(lambda: utc.fromutc(dt(2024, 1, 1)))
show(lambda: utc.fromutc(dt(2024, 1, 1, tzinfo=plus1)))
try:
    class Sub(timezone):
        pass
except TypeError as e:
    print(type(e).__name__, e)
show(lambda: tzinfo().utcoffset(None))
show(lambda: tzinfo().dst(None))
show(lambda: tzinfo().tzname(None))
show(lambda: tzinfo().fromutc(dt(2024, 1, 1)))
show(lambda: tzinfo().fromutc(5))


class Eastern(tzinfo):
    """US Eastern with the 2007 rules (second Sunday of March, first Sunday of November)."""

    def utcoffset(self, when):
        return timedelta(hours=-5) + self.dst(when)

    def dst(self, when):
        if when is None:
            return timedelta(0)
        start = dt(when.year, 3, 8, 2)
        start += timedelta(days=(6 - start.weekday()) % 7)
        end = dt(when.year, 11, 1, 1)
        end += timedelta(days=(6 - end.weekday()) % 7)
        naive = when.replace(tzinfo=None)
        if start <= naive < end:
            return timedelta(hours=1)
        return timedelta(0)

    def tzname(self, when):
        return "EDT" if self.dst(when) else "EST"

    def __repr__(self):
        return "Eastern()"


east = Eastern()
summer = dt(2024, 7, 1, 12, tzinfo=east)
winter = dt(2024, 1, 1, 12, tzinfo=east)
print(repr(summer), summer.utcoffset(), summer.dst(), summer.tzname(), str(summer), summer.timetuple().tm_isdst)
print(winter.utcoffset(), winter.dst(), winter.tzname(), str(winter), winter.strftime("%Z %z"))
print(repr(summer.astimezone(utc)), repr(winter.astimezone(ist)), repr(summer.astimezone(east)))
print(repr(dt(2024, 7, 1, 16, tzinfo=utc).astimezone(east)), repr(dt(2024, 3, 10, 7, tzinfo=utc).astimezone(east)))
print(repr(dt.fromtimestamp(1720000000, east)), repr(dt.fromtimestamp(1704067200, east)))
print(summer == dt(2024, 7, 1, 16, tzinfo=utc), summer - winter, summer - dt(2024, 7, 1, 16, tzinfo=utc))


class Broken(tzinfo):
    def utcoffset(self, when):
        return timedelta(hours=25)

    def dst(self, when):
        return 1

    def tzname(self, when):
        return 5


show(lambda: dt(2024, 1, 1, tzinfo=Broken()).utcoffset())
show(lambda: dt(2024, 1, 1, tzinfo=Broken()).dst())
show(lambda: dt(2024, 1, 1, tzinfo=Broken()).tzname())
show(lambda: time(1, tzinfo=Broken()).utcoffset())

print("-- datetime arithmetic and comparisons")
print(repr(x + timedelta(hours=21)), repr(x - timedelta(days=2, microseconds=7)), repr(timedelta(1) + x))
print(repr(dt(2024, 2, 28, 23, 59, 59, 999999) + timedelta(microseconds=1)),
      repr(dt(2023, 12, 31, 23, 30) + timedelta(minutes=30)),
      repr(dt(2024, 3, 1) - timedelta(microseconds=1)), repr(dt(2024, 1, 1, fold=1) + timedelta(0)))
print(repr(x - dt(2024, 1, 1)), repr(dt(2024, 1, 1) - x), repr(dt(2024, 3, 1) - dt(2024, 2, 1)),
      repr(dt(2025, 3, 1) - dt(2025, 2, 1)), repr(dt.max - dt.min))
print(repr(dt(2024, 1, 1, 12, tzinfo=utc) - dt(2024, 1, 1, 12, tzinfo=plus1)),
      repr(dt(2024, 1, 1, 12, tzinfo=ist) - dt(2024, 1, 1, 12, tzinfo=minus5)),
      repr(dt(2024, 1, 1, 12, tzinfo=plus1) + timedelta(hours=12)))
print(dt(2024, 1, 1, 12, tzinfo=utc) == dt(2024, 1, 1, 13, tzinfo=plus1),
      dt(2024, 1, 1, 12, tzinfo=utc) < dt(2024, 1, 1, 12, 30, tzinfo=plus1),
      dt(2024, 1, 1) == dt(2024, 1, 1, tzinfo=utc), dt(2024, 1, 1) != dt(2024, 1, 1, tzinfo=utc),
      dt(2024, 1, 1, fold=1) == dt(2024, 1, 1), x > dt(2024, 1, 2), x == 5)
print(hash(dt(2024, 1, 1, 12, tzinfo=utc)) == hash(dt(2024, 1, 1, 13, tzinfo=plus1)),
      hash(dt(2024, 1, 1, fold=1)) == hash(dt(2024, 1, 1)),
      len({dt(2024, 1, 1, 12, tzinfo=utc), dt(2024, 1, 1, 13, tzinfo=plus1), dt(2024, 1, 1, 12)}))
print(sorted([dt(2024, 1, 1, 12, tzinfo=utc), dt(2024, 1, 1, 12, tzinfo=plus1), dt(2024, 1, 1, 12, tzinfo=minus5)]))
print(repr(dt(2024, 1, 1, 12, tzinfo=utc).astimezone(ist)), repr(dt(2024, 1, 1, 1, tzinfo=ist).astimezone(utc)),
      repr(dt(2024, 1, 1, 1, tzinfo=ist).astimezone(minus5)), repr(dt(2024, 1, 1, tzinfo=utc).astimezone(utc)))
show(lambda: dt(2024, 1, 1) < dt(2024, 1, 1, tzinfo=utc))
show(lambda: dt(2024, 1, 1, tzinfo=utc) >= dt(2024, 1, 1))
show(lambda: dt(2024, 1, 1, tzinfo=utc) - dt(2024, 1, 1))
show(lambda: dt(2024, 1, 1) - dt(2024, 1, 1, tzinfo=utc))
show(lambda: dt.max + timedelta(1))
show(lambda: dt.min - timedelta(microseconds=1))
show(lambda: dt(2024, 1, 1, tzinfo=utc).astimezone(5))
show(lambda: x + x)
show(lambda: x + 1)
show(lambda: x - "1")
show(lambda: x.isoformat("xx"))
show(lambda: x.isoformat(5))
show(lambda: x.isoformat(timespec="nanoseconds"))
show(lambda: dt(2024, 2, 30))
show(lambda: dt(2024, 1, 1, 24))
show(lambda: dt(2024, 1, 1, tzinfo="UTC"))
show(lambda: dt(2024, 1, 1, fold=-1))
show(lambda: x.replace(hour=25))
show(lambda: x.replace(tzinfo=5))
show(lambda: dt.combine(5, time()))
show(lambda: dt.combine(date(2024, 1, 1), 5))
show(lambda: x.strftime(None))

print("-- fromisoformat")
for s in ["2024-01-02", "20240102", "2024-01-02T03:04", "2024-01-02 03:04:05", "2024-01-02T03:04:05.6",
          "2024-01-02T03:04:05.123456789", "2024-01-02T03:04:05,5Z", "2024-01-02T03:04:05+01:00",
          "2024-01-02T03:04:05-05:30", "2024-01-02T03:04:05+0130", "2024-01-02T03+01",
          "2024-01-02T03:04:05+01:00:30.5", "2024-01-02T03:04:05-00:00", "20240102T030405Z",
          "2024-W01-2T10:00", "2024W012T1000", "2024-W01T10", "2024-01-02x10:00", "2024-01-02T10:00 +01:00",
          "2024-01-02T", "2024-01-02T25:00", "2024-01-02T24:00", "2024-01-02T10:00+24:00", "2024-01-0210:00",
          "2024-01-02T10:00:00+", "2024-01-02T10:00Z0", "2024-1-2", "2024", "", "2024-02-30T00:00",
          "9999-12-31T23:59:59.999999+23:59"]:
    show(lambda: dt.fromisoformat(s))
show(lambda: dt.fromisoformat(None))
for v in [x, dt(2024, 1, 2, tzinfo=ist), dt(1, 1, 1), dt.max, dt(2024, 1, 2, 3, 4, 5, tzinfo=minus5)]:
    print(dt.fromisoformat(v.isoformat()) == v, dt.fromisoformat(str(v)) == v)

print("-- strptime")
for data, fmt in [("2024-01-02", "%Y-%m-%d"), ("2024-01-02 03:04:05.25", "%Y-%m-%d %H:%M:%S.%f"),
                  ("02/01/24 7:05 PM", "%d/%m/%y %I:%M %p"), ("12 am", "%I %p"), ("12 PM", "%I %p"),
                  ("Tue Jan  2 03:04:05 2024", "%c"), ("01/02/24 03:04:05", "%x %X"),
                  ("tuesday 2 JANUARY 2024", "%A %d %B %Y"), ("Tue 2 jan 2024", "%a %d %b %Y"),
                  ("2024 366", "%Y %j"), ("2023 366", "%Y %j"), ("69", "%y"), ("68", "%y"),
                  ("10:00 +01:00", "%H:%M %z"), ("10:00 Z", "%H:%M %z"), ("10:00 -0530", "%H:%M %z"),
                  ("10:00 +01:00:30.5", "%H:%M %z"), ("10:00 +0100:30", "%H:%M %z"), ("10:00 UTC +0000", "%H:%M %Z %z"),
                  ("123", "%H%M"), ("1111", "%m%d%H"), ("2024-01-02T10", "%Y-%m-%dt%H"),
                  ("2024-01-02   10", "%Y-%m-%d %H"), ("2024-01-0210", "%Y-%m-%d %H"), ("5.1234567", "%S.%f"),
                  ("2024 1 1", "%Y %W %w"), ("2024 0 3", "%Y %U %w"), ("2024 52 7", "%G %V %u"),
                  ("2024 52", "%G %V"), ("52 1", "%V %u"), ("02-29", "%m-%d"), ("2023-02-29", "%Y-%m-%d"),
                  ("2024-01-02", "%Y-%m-%d %H"), ("2024-01-02 1", "%Y-%m-%d"), ("x", "%Y-%m-%Q"), ("x", "%Y-%"),
                  ("x", "%."), ("60", "%S"), (" 5", "%d"), ("", ""), ("100%", "%Y%%"), ("2024", "%Y%")]:
    show(lambda: dt.strptime(data, fmt))
show(lambda: dt.strptime(5, "%H"))
show(lambda: dt.strptime("5", None))

print("-- subclasses and copies")


class MyDate(date):
    def label(self):
        return "my " + self.isoformat()


class MyDateTime(dt):
    pass


m = MyDate(2024, 1, 31)
print(repr(m), m.label(), repr(m + timedelta(1)), type(m - timedelta(1)).__name__, repr(MyDate.fromordinal(5)),
      type(MyDate.today()).__name__, repr(MyDate.fromisoformat("2024-05-06")))
md = MyDateTime(2024, 1, 1, 12)
print(repr(md), repr(md + timedelta(hours=13)), type(md - timedelta(1)).__name__,
      repr(MyDateTime.fromtimestamp(0, utc)), repr(MyDateTime.strptime("2024", "%Y")), type(md.date()).__name__)
print(repr(copy.copy(x)), repr(copy.deepcopy(dt(2024, 1, 1, tzinfo=ist))), repr(copy.deepcopy(timedelta(3))),
      repr(copy.copy(time(3, fold=1))), repr(copy.deepcopy(date(2020, 2, 2))), copy.copy(utc) is utc)
