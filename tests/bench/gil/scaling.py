# GIL benchmark helper: threads that sleep, and threads that run native code (cext) which releases
# or holds the GIL.
#
# Run:  gilsim run scaling.py sleep NTHREADS SECONDS
#         NTHREADS threads each sleep SECONDS at once; prints the wall time (@ wall_s).
#       gilsim run scaling.py cext FUNC UNITS REPS
#         FUNC is compute (releases the GIL) or compute_holding (holds it). The same work, 2 x
#         FUNC(UNITS), run serially in one thread and by two threads at once; prints the smallest
#         time of each over REPS (@ serial_s, @ two_s).
import sys
import threading
import time

import cext


def run_threads(nthreads, body, arg):
    go = threading.Event()

    def worker():
        go.wait()
        body(arg)

    threads = [threading.Thread(target=worker) for _ in range(nthreads)]
    for t in threads:
        t.start()
    time.sleep(0.01)  # let every thread reach go.wait()
    start = time.perf_counter()
    go.set()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def main():
    mode = sys.argv[1]
    if mode == "sleep":
        nthreads = int(sys.argv[2])
        seconds = float(sys.argv[3])
        print(f"@ wall_s {run_threads(nthreads, time.sleep, seconds)}")
    elif mode == "cext":
        func = getattr(cext, sys.argv[2])
        units = int(sys.argv[3])
        reps = int(sys.argv[4])

        def twice(u):
            func(u)
            func(u)

        serial, two = [], []
        for _ in range(reps):
            serial.append(run_threads(1, twice, units))
            two.append(run_threads(2, func, units))
        print(f"@ serial_s {min(serial)}")
        print(f"@ two_s {min(two)}")
        print("@ serial_all " + ",".join(f"{v:.4f}" for v in serial))
        print("@ two_all " + ",".join(f"{v:.4f}" for v in two))
    else:
        raise SystemExit(f"unknown mode {mode!r}")


main()
