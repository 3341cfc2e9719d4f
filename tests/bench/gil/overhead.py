# GIL benchmark helper: fixed costs.
#
# Run:  gilsim run overhead.py dropcost N_SLEEP N_NATIVE REPS
#         A single thread calls time.sleep(0) N_SLEEP times (each call drops the GIL and takes it
#         back, uncontended) and, for comparison, abs(0) N_SLEEP times (a trivial native call that
#         keeps the GIL). Prints the smallest time per call of each over REPS (@ sleep0_ns,
#         @ abs_ns), and under gilsim the GIL acquisitions per sleep(0) call (@ acq_per_call).
#         time.sleep(0) is a real nanosleep system call, so its time includes the kernel's timer
#         slack (50 us by default on Linux), not only the GIL. Under gilsim, the same loop also
#         times cext.compute(0), which drops and takes the GIL around no work at all, against
#         cext.compute_holding(0), the same call keeping the GIL, N_NATIVE times each
#         (@ release0_ns, @ hold0_ns, @ release_acq_per_call): their difference is the GIL
#         drop+take pair alone. Both also time os.read(r, 1) on a pipe holding data, the cheapest
#         blocking call (@ read1_ns), against which the pair's cost is weighed.
#       gilsim run overhead.py threads N
#         Starts and joins N threads one at a time (threading.Thread(target=noop)); prints the
#         median and p90 start+join time in microseconds (@ median_us, @ p90_us).
import sys
import threading
import time

try:
    import gilsim
except ImportError:
    gilsim = None

try:
    import cext
except ImportError:
    cext = None


def loop_sleep0(n):
    sleep = time.sleep
    t0 = time.perf_counter()
    for _ in range(n):
        sleep(0)
    return time.perf_counter() - t0


def loop_call(f, n):
    t0 = time.perf_counter()
    for _ in range(n):
        f(0)
    return time.perf_counter() - t0


def loop_read1(n):
    import os
    r, w = os.pipe()
    os.write(w, b"x" * n)  # n <= 65536 fits in a Linux pipe's buffer
    read = os.read
    t0 = time.perf_counter()
    for _ in range(n):
        read(r, 1)
    elapsed = time.perf_counter() - t0
    os.close(r)
    os.close(w)
    return elapsed


def noop():
    pass


def main():
    mode = sys.argv[1]
    if mode == "dropcost":
        n = int(sys.argv[2])
        n_native = int(sys.argv[3])
        reps = int(sys.argv[4])
        native = gilsim is not None and cext is not None
        n_read = min(n_native, 65536)
        sleeps, abss, rel, hold, reads = [], [], [], [], []
        acq = None
        rel_acq = None
        for _ in range(reps):
            c0 = gilsim.counters() if gilsim else None
            sleeps.append(loop_sleep0(n))
            if gilsim:
                acq = (gilsim.counters()["acquisitions"] - c0["acquisitions"]) / n
            abss.append(loop_call(abs, n))
            reads.append(loop_read1(n_read))
            if native:
                c0 = gilsim.counters()
                rel.append(loop_call(cext.compute, n_native))
                rel_acq = (gilsim.counters()["acquisitions"] - c0["acquisitions"]) / n_native
                hold.append(loop_call(cext.compute_holding, n_native))
        print(f"@ sleep0_ns {min(sleeps) / n * 1e9}")
        print(f"@ abs_ns {min(abss) / n * 1e9}")
        print(f"@ read1_ns {min(reads) / n_read * 1e9}")
        if acq is not None:
            print(f"@ acq_per_call {acq}")
        if native:
            print(f"@ release0_ns {min(rel) / n_native * 1e9}")
            print(f"@ hold0_ns {min(hold) / n_native * 1e9}")
            print(f"@ release_acq_per_call {rel_acq}")
    elif mode == "threads":
        n = int(sys.argv[2])
        for _ in range(50):  # warm-up
            t = threading.Thread(target=noop)
            t.start()
            t.join()
        times = []
        perf = time.perf_counter
        for _ in range(n):
            t0 = perf()
            t = threading.Thread(target=noop)
            t.start()
            t.join()
            times.append(perf() - t0)
        times.sort()
        print(f"@ n {n}")
        print(f"@ median_us {times[n // 2] * 1e6}")
        print(f"@ p90_us {times[(n * 9) // 10] * 1e6}")
    else:
        raise SystemExit(f"unknown mode {mode!r}")


main()
