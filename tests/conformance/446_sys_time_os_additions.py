# sys's struct sequences, time's calendar functions, and os written over posix.
import os.path
import sys
import time
import os
from os import path

print(os.path.join("a", "b"), path is os.path, os.name, os.sep)
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8))
print(type(sys.version_info).__name__, len(sys.version_info), isinstance(sys.version_info, tuple))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[0])
print(sys.flags.optimize, sys.flags.quiet, sys.int_info)
print(sys.intern("spam"), sys.hexversion >= 0x030B0000)
print(time.gmtime(0))
t = time.gmtime(1234567890)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_wday, t.tm_yday, t[0:3], t.tm_zone)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j", t))
print(time.strftime("%d/%m/%y", (2020, 2, 29, 0, 0, 0, 5, 60, 0)))
print(time.asctime(t))
print(time.mktime(time.localtime(1000)))
try:
    time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0))
except ValueError as e:
    print("ValueError", e)
try:
    time.mktime((1, 2))
except TypeError as e:
    print("TypeError", e)

os.environ["GILSIM_CONF_446"] = "yes"
print(os.environ["GILSIM_CONF_446"], os.getenv("GILSIM_CONF_446"), "GILSIM_CONF_446" in os.environ)
print(os.system("test \"$GILSIM_CONF_446\" = yes && exit 3") >> 8)
del os.environ["GILSIM_CONF_446"]
print(os.getenv("GILSIM_CONF_446", "gone"), os.system("test -z \"$GILSIM_CONF_446\""))

top = "/tmp/gilsim_conf_446_%d" % os.getpid()
os.makedirs(top + "/a/b/c")
os.makedirs(top + "/a/b", exist_ok=True)
try:
    os.makedirs(top + "/a")
except FileExistsError:
    print("FileExistsError")
with open(top + "/a/one.txt", "w") as f:
    f.write("1")
for root, dirs, files in os.walk(top):
    dirs.sort()
    print(root[len(top):] or "/", dirs, sorted(files))
for root, dirs, files in os.walk(top, topdown=False):
    print(root[len(top):] or "/")
entries = sorted(os.scandir(top + "/a"), key=lambda e: e.name)
print([(e.name, e.is_dir(), e.is_file(), e.path[len(top):]) for e in entries])
print(os.fspath(entries[0])[len(top):])
os.remove(top + "/a/one.txt")
os.removedirs(top + "/a/b/c")
print(os.path.exists(top), len(os.urandom(16)), os.access("/", os.F_OK))
for f in [lambda: os.getenv(5), lambda: os.environ.get(5), lambda: 5 in os.environ, lambda: os.environ[5]]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
