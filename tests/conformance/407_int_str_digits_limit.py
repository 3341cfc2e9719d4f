# CPython 3.11's limit on decimal conversions of huge ints, applied to every decimal route
# (issue 15: format(x, "d"), "%d" % x and "{:,}".format(x) printed 5,001-digit ints that str()
# refused), with sys.set_int_max_str_digits / get_int_max_str_digits / int_info.
import sys

x = 10**5000
routes = [
    ("str", str),
    ("repr", repr),
    ("format d", lambda v: format(v, "d")),
    ("format empty", lambda v: format(v)),
    ("format n", lambda v: format(v, "n")),
    ("format ,", lambda v: format(v, ",")),
    ("format _", lambda v: format(v, "_")),
    ("format >10", lambda v: format(v, ">10")),
    ("%d", lambda v: "%d" % v),
    ("%i", lambda v: "%i" % v),
    ("%u", lambda v: "%u" % v),
    ("%s", lambda v: "%s" % v),
    ("%r", lambda v: "%r" % v),
    ("%10d", lambda v: "%10d" % v),
    ("{:,}", lambda v: "{:,}".format(v)),
    ("{}", lambda v: "{}".format(v)),
    ("f-string", lambda v: f"{v}"),
    ("f-string !r", lambda v: f"{v!r}"),
    ("f-string :d", lambda v: f"{v:d}"),
    ("in a list", lambda v: str([v])),
    ("%x", lambda v: "%x" % v),
    ("format x", lambda v: format(v, "x")),
]
for name, fn in routes:
    for v in (x, -x):
        try:
            r = fn(v)
            print(name, "ok", len(r))
        except ValueError as e:
            print(name, "ValueError:", e)

# At the limit and just past it.
print(len(str(10**4299)), len(str(-(10**4299))))
try:
    str(10**4300)
except ValueError as e:
    print("4301 digits:", e)

# int() from text.
for text in ["1" * 5000, "1" * 4300, "-" + "1" * 4301, "1_" * 4300 + "1", " " + "9" * 4301 + " "]:
    try:
        int(text)
        print("int ok", len(text))
    except ValueError as e:
        print("int ValueError:", e)
print(int("f" * 5000, 16) > 0, int("7" * 5000, 8) > 0)
try:
    int("1" * 5000, 7)
except ValueError as e:
    print("base 7:", e)

# The sys interface.
print(sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
print(sys.int_info.bits_per_digit, sys.int_info.sizeof_digit)
print(sys.int_info)
sys.set_int_max_str_digits(6000)
print(len(str(x)), len("%d" % x), len(f"{x:,}"), sys.get_int_max_str_digits())
for bad in (100, 639, -1):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print(bad, "ValueError:", e)
try:
    sys.set_int_max_str_digits("5")
except TypeError as e:
    print("TypeError:", e)
try:
    sys.set_int_max_str_digits()
except TypeError as e:
    print("TypeError")
sys.set_int_max_str_digits(0)
print(len(str(10**10000)), len(format(10**10000, ",")), int("1" * 10000) % 7)
sys.set_int_max_str_digits(640)
try:
    str(10**640)
except ValueError as e:
    print(e)
print(len(str(10**639)))
sys.set_int_max_str_digits(maxdigits=4300)
print(sys.get_int_max_str_digits())
