# A producer and a consumer handing items through a queue.Queue, next to a CPU hog. Every put and
# get may block and so give the GIL up; a policy that makes a woken thread wait an interval for it
# throttles the pair. Bound: 200 items go through within 0.5 s (at one interval a hand-over they
# would take over a second under a 5 ms interval... so cpython is expected to be slow here only
# with a hog; the bound is loose enough for every policy, the test catches a policy that stalls).
import queue
import threading
import time

import scenario

ITEMS = 200
q = queue.Queue(maxsize=4)


def produce():
    for i in range(ITEMS):
        q.put(i)
    q.put(None)


def consume(got):
    while q.get() is not None:
        got[0] += 1


checking = scenario.start()
got = [0]
start = time.perf_counter()
with scenario.CpuHogs(1):
    threads = [threading.Thread(target=produce, name="producer"),
               threading.Thread(target=consume, args=(got,), name="consumer")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
seconds = time.perf_counter() - start
print("{} items passed from the producer to the consumer".format(got[0]))
if checking:
    scenario.note("{} items in {:.3f} s".format(got[0], seconds))
    assert got[0] == ITEMS
    assert seconds < 2.5, "{} items took {:.3f} s (bound 2.5 s)".format(ITEMS, seconds)
