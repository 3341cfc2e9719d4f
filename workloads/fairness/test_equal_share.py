# Equal share: N CPU-bound threads that each want the GIL all the time should each hold it about
# 1/N of the time. Bound: Jain's index over the threads at least 0.9 (1 is perfectly fair, 1/N is
# one thread taking it all); with 4 threads for 200 ms and a 5 ms interval, each gets about ten
# turns, and the last turn cut short moves a share by at most a tenth.
import time

import scenario

checking = scenario.start()
with scenario.CpuHogs(4):
    time.sleep(0.2)
print("4 CPU threads shared the GIL for 0.2 s")
if checking:
    # Jain's index over the hogs' shares of their lifetimes (the main thread only sleeps).
    shares = [t["held_s"] / t["lifetime_s"] for t in scenario.process_stats()["threads"]
              if t["name"].startswith("hog-")]
    jain = sum(shares) ** 2 / (len(shares) * sum(x * x for x in shares))
    scenario.note("hogs' Jain's index {:.3f}".format(jain))
    assert jain >= 0.9, "Jain's index {:.3f} < 0.9 over the shares {}".format(jain, shares)
