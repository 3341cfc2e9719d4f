# gilsim-test: xfail:gil=cpython,fifo
#
# The convoy: an I/O thread making short blocking calls next to a CPU hog. Each call gives the GIL
# away; getting it back takes about one switch interval under CPython's policy (the hog runs until
# asked to drop), so a 0.1 ms call takes 5 ms. Bound: the p99 of the time from a blocking call
# returning to running again is under half an interval. `priority` lets the returning thread in at
# once and passes; `cpython` and `fifo` (a returning thread queues behind the hog) fail, as
# they should (xfail above).
import threading
import time

import scenario


def io_calls(n):
    for _ in range(n):
        time.sleep(0.0001)


checking = scenario.start()
with scenario.CpuHogs(1):
    io = threading.Thread(target=io_calls, args=(20,), name="io")
    io.start()
    io.join()
print("the I/O thread made 20 blocking calls next to a CPU hog")
if checking:
    p = scenario.process_stats()
    p99 = p["blocking_return_latency_ms"]["p99"]
    bound = scenario.interval_ms() / 2
    scenario.note("blocking return p99 {:.3f} ms".format(p99))
    assert p99 < bound, "blocking return p99 {:.3f} ms >= {:.3f} ms (half an interval)".format(
        p99, bound)
