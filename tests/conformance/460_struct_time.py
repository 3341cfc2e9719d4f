# time.struct_time's constructor.
import time
import time
t = time.struct_time((2020, 1, 2, 3, 4, 5, 2, 2, 0))
print(t, t.tm_zone, t.tm_year, isinstance(time.gmtime(0), time.struct_time), type(t) is type(time.gmtime()))
for bad in [(1,2,3), tuple(range(12))]:
    try:
        time.struct_time(bad)
    except TypeError as e:
        print(e)
print(time.strptime("2020-03-04 05:06", "%Y-%m-%d %H:%M"))
print(time.strptime("Mon Feb  3 10:00:00 2025"))
try:
    time.strptime("x", "%Y")
except ValueError as e:
    print(e)
