# SystemExit is an exception that can be caught and inspected
import sys
for arg in [0, 3, "message"]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print("caught SystemExit", repr(e.args))
try:
    sys.exit()
except SystemExit as e:
    print("no-arg exit args:", e.args)
try:
    raise SystemExit(5)
except Exception:
    print("not an Exception subclass")
except BaseException:
    print("caught as BaseException")
print("still running")
