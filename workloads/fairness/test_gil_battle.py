# gilsim-test: xfail:gil=cpython-old
#
# The GIL battle (Beazley, "Inside the Python GIL", 2009): under Python 2's GIL a CPU-bound holder
# lets go every check interval and takes the lock straight back, each time signalling a waiter
# that wakes to find it gone. What the battle costs is that churn: acquisitions that hand nothing
# over. Bound: two CPU threads take the lock at most twice per hand-off (under a policy that only
# lets go when someone asks, nearly every acquisition is one). cpython-old fails it, as it should
# (xfail above): it retakes the lock tens of times per hand-off under --sim and, two threads on
# two cores, a thousand times and more on the real backend.
import time

import scenario

checking = scenario.start()
with scenario.CpuHogs(2):
    time.sleep(0.1)
print("2 CPU threads fought over the GIL for 0.1 s")
if checking:
    p = scenario.process_stats()
    hogs = [t for t in p["threads"] if t["name"].startswith("hog-")]
    acquisitions = sum(t["acquisitions"] for t in hogs)
    hand_offs = max(p["hand_offs"], 1)
    per_hand_off = acquisitions / hand_offs
    scenario.note("{} acquisitions, {} hand-offs: {:.1f} per hand-off".format(
        acquisitions, p["hand_offs"], per_hand_off))
    assert per_hand_off <= 2, "{:.1f} acquisitions per hand-off > 2 (the battle's churn)".format(
        per_hand_off)
