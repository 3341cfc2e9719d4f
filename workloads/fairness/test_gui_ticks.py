# A GUI thread's ticks: a thread that wakes every 10 ms to do a little work (a frame), next to a
# CPU hog. Bound: each tick runs within 2 switch intervals plus 1 ms of when it was due (under
# CPython's policy a tick waits about one interval for the GIL; more would drop frames).
import threading
import time

import scenario

TICKS = 10
PERIOD = 0.01
late = []


def gui():
    due = time.perf_counter()
    for _ in range(TICKS):
        due += PERIOD
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        late.append(time.perf_counter() - due)


checking = scenario.start()
with scenario.CpuHogs(1):
    t = threading.Thread(target=gui, name="gui")
    t.start()
    t.join()
print("the GUI thread ran {} ticks".format(len(late)))
if checking:
    worst = max(late) * 1000
    bound = 2 * scenario.interval_ms() + 1
    scenario.note("worst tick lateness {:.3f} ms".format(worst))
    assert worst <= bound, "a tick ran {:.3f} ms late (bound {:.3f} ms)".format(worst, bound)
