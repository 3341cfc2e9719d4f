"""The GIL's switch interval as a script sees it: sys.getswitchinterval, setting a smaller one,
and two CPU-bound threads doing the same work under it (their results, not their timing)."""

import sys
import threading

print("default: %.3f s" % sys.getswitchinterval())
sys.setswitchinterval(0.001)
print("now: %.3f s" % sys.getswitchinterval())


def spin(n, out, key):
    x = 0
    for i in range(n):
        x = (x * 17 + i) % 65521
    out[key] = x


out = {}
threads = [threading.Thread(target=spin, args=(60000, out, k)) for k in ("a", "b", "c")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(out.items()))
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
