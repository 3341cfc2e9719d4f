# No starvation: among CPU-bound threads, none may wait for the GIL much longer than the others
# get to hold it. Bound: every thread's longest wait is within k = 8 switch intervals (3 other
# threads ahead of it, a turn of about one interval each, plus wake-ups, twice over for slack).
import time

import scenario

K = 8
checking = scenario.start()
with scenario.CpuHogs(4):
    time.sleep(0.15)
print("4 CPU threads ran for 0.15 s")
if checking:
    bound = K * scenario.interval_ms()
    for t in scenario.process_stats()["threads"]:
        if t["name"].startswith("hog-"):
            scenario.note("{} longest wait {:.3f} ms".format(t["name"], t["longest_wait_ms"]))
            assert t["longest_wait_ms"] <= bound, "{} waited {:.3f} ms > {} intervals".format(
                t["name"], t["longest_wait_ms"], K)
