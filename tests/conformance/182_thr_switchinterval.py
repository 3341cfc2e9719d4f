# sys.setswitchinterval and sys.getswitchinterval, with CPython's errors.
import sys

# The default depends on the GIL policy (5 ms, ruby 100 ms): the CLI tests check each one.
print(sys.getswitchinterval() > 0)
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(1)
print(sys.getswitchinterval())
sys.setswitchinterval(0.0000015)
print(sys.getswitchinterval())
for bad in [0, -1, 0.0, -0.5]:
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ["x", None, [0.1]]:
    try:
        sys.setswitchinterval(bad)
    except TypeError as e:
        print("TypeError:", e)
print(sys.getswitchinterval())
sys.setswitchinterval(0.005)
print(sys.getswitchinterval())
