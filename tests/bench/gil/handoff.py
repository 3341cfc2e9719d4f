# GIL benchmark helper: two equal CPU-bound threads share the GIL for SECONDS; how often does it
# change hands, and how much of the work does each thread get?
#
# Run:  gilsim run --gil cpython --switch-interval 5ms handoff.py SECONDS
#       python3 handoff.py SECONDS INTERVAL_S     (INTERVAL_S goes to sys.setswitchinterval)
#
# Each thread runs chunks of a pure-Python loop and, after every chunk, notes whether it lost the
# GIL since the previous chunk: under gilsim exactly (its own acquisitions counter moved), under
# CPython, which has no counters, by a gap of more than half an interval in its clock readings.
# The time of every such resumption is a hand-off. The threads stop themselves at a deadline, so
# the main thread never competes for the GIL meanwhile.
#
# Prints "@ key value" lines for tests/bench/gil_bench.py:
#   switch_interval   sys.getswitchinterval() during the run
#   chunks_0/1        loop chunks each thread ran (its share of the work)
#   handoffs          hand-offs between the two threads seen from the first resumption to the last
#   window_s          time from the first resumption (the first thread starting) to the last
#   wall_s            time from releasing the threads to both having stopped
#   and under gilsim: the GIL counters over the run (switches, acquisitions, ...), and the time
#   the two threads held the GIL (held_s) and waited for it (wanted_s), summed.
import sys
import threading
import time

try:
    import gilsim
except ImportError:
    gilsim = None

CHUNK = 200  # loop iterations between two looks at the clock


def main():
    seconds = float(sys.argv[1])
    if len(sys.argv) > 2:
        sys.setswitchinterval(float(sys.argv[2]))
    interval = sys.getswitchinterval()
    gap = interval / 2
    go = threading.Event()
    deadline = [0.0]
    chunks = [0, 0]
    resumes = [None, None]
    held = [0.0, 0.0]
    wanted = [0.0, 0.0]

    def spin(index):
        go.wait()
        perf = time.perf_counter
        tc = gilsim.thread_counters if gilsim else None
        acq = tc()["acquisitions"] if tc else 0
        last = perf()
        mine = [last]  # starting to run counts as a resumption too
        end = deadline[0]
        n = 0
        while True:
            for _ in range(CHUNK):
                pass
            n += 1
            now = perf()
            if tc:
                a = tc()["acquisitions"]
                if a != acq:
                    acq = a
                    mine.append(now)
            elif now - last > gap:
                mine.append(now)
            last = now
            if now >= end:
                break
        chunks[index] = n
        resumes[index] = mine
        if tc:
            c = tc()
            held[index] = c["held_s"]
            wanted[index] = c["wanted_s"]

    threads = [threading.Thread(target=spin, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    time.sleep(0.05)  # let both threads reach go.wait()
    c0 = gilsim.counters() if gilsim else None
    start = time.perf_counter()
    deadline[0] = start + seconds
    go.set()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    c1 = gilsim.counters() if gilsim else None

    # Hand-offs: resumptions strictly before the deadline (the last slice is cut short by it).
    events = sorted([t for t in resumes[0] + resumes[1] if t < deadline[0]])
    print(f"@ switch_interval {interval}")
    print(f"@ chunks_0 {chunks[0]}")
    print(f"@ chunks_1 {chunks[1]}")
    print(f"@ handoffs {len(events) - 1}")
    print(f"@ window_s {events[-1] - events[0]}")
    print(f"@ wall_s {wall}")
    if gilsim:
        print(f"@ policy {gilsim.policy()}")
        for k in ("acquisitions", "switches", "drop_requests", "forced_drops", "blocking_drops"):
            print(f"@ {k} {c1[k] - c0[k]}")
        print(f"@ held_s {held[0] + held[1]}")
        print(f"@ wanted_s {wanted[0] + wanted[1]}")


main()
