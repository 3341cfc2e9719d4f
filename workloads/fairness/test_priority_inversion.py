# Priority inversion through a Lock: a worker holds a threading.Lock for a short piece of CPU work
# while CPU hogs compete for the GIL; an urgent thread waits on that Lock. Its wait is the worker's
# work stretched by however long the hogs keep the GIL from the worker. Bound: the urgent thread
# gets the Lock within 3 switch intervals per hog plus 10 ms (each hog takes at most about one
# interval a turn; more means the Lock holder was starved while others ran).
import threading
import time

import scenario

lock = threading.Lock()
waited = []


def worker(ready):
    with lock:
        ready.set()
        x = 0
        for i in range(300000):
            x = (x * 31 + i) % 1000003


def urgent(ready):
    ready.wait()
    asked = time.perf_counter()
    with lock:
        waited.append(time.perf_counter() - asked)


checking = scenario.start()
HOGS = 2
with scenario.CpuHogs(HOGS):
    ready = threading.Event()
    threads = [threading.Thread(target=worker, args=(ready,), name="worker"),
               threading.Thread(target=urgent, args=(ready,), name="urgent")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print("the urgent thread got the lock")
if checking:
    ms = waited[0] * 1000
    bound = 3 * HOGS * scenario.interval_ms() + 10
    scenario.note("urgent thread waited {:.3f} ms for the lock".format(ms))
    assert ms <= bound, "the urgent thread waited {:.3f} ms for the Lock (bound {:.3f} ms)".format(
        ms, bound)
