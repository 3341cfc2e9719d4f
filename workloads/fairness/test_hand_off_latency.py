# gilsim-test: skip:gil=cpython-old
#
# Hand-off latency: from a waiter asking the holder to drop the GIL to another thread running. It
# costs a check point and a wake-up or two, never a whole interval. Bound: p99 under one switch
# interval (a policy that let the holder ignore the request would take longer). cpython-old is
# skipped: it never asks (its holder lets go every check interval), so there is nothing to time.
import time

import scenario

checking = scenario.start()
with scenario.CpuHogs(2):
    time.sleep(0.1)
print("2 CPU threads handed the GIL back and forth for 0.1 s")
if checking:
    p = scenario.process_stats()
    latency = p["hand_off_latency_ms"]
    scenario.note("hand-off latency p99 {:.3f} ms over {}".format(latency["p99"], latency["count"]))
    assert latency["count"] > 0, "no hand-offs"
    assert latency["p99"] < scenario.interval_ms(), "hand-off p99 {:.3f} ms >= one interval".format(
        latency["p99"])
