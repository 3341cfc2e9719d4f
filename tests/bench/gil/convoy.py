# GIL benchmark helper: the convoy effect. An I/O thread makes a short blocking call over and over
# (each call releases the GIL and must take it back) while zero or one CPU-bound thread runs; the
# latency of each call is how long the I/O thread waits to get the GIL back.
#
# Run:  gilsim run --gil cpython --switch-interval 5ms convoy.py OP NCPU SECONDS MAX_SAMPLES
#   OP           pipe   a 1-byte os.write then os.read round trip on a pipe (two blocking calls)
#                read   a 1-byte os.read from a pipe that already holds data (one blocking call)
#                sleep0 time.sleep(0) (one blocking call)
#   NCPU         0 or 1 CPU-bound threads running meanwhile
#   SECONDS      stop sampling after this long...
#   MAX_SAMPLES  ...or after this many samples, whichever comes first
# Prints "@ key value" lines for tests/bench/gil_bench.py: n, p50_ms, p99_ms, max_ms, mean_ms,
# cpu_iters (iterations the CPU thread made) and, under gilsim, the GIL counters.
import os
import sys
import threading
import time

try:
    import gilsim
except ImportError:
    gilsim = None

running = True


def percentile(sorted_values, p):
    """Nearest-rank percentile of a sorted list."""
    n = len(sorted_values)
    k = (p * n + 99) // 100  # ceil(p * n / 100)
    if k < 1:
        k = 1
    return sorted_values[k - 1]


def main():
    global running
    op = sys.argv[1]
    ncpu = int(sys.argv[2])
    seconds = float(sys.argv[3])
    max_samples = int(sys.argv[4])
    if op not in ("pipe", "read", "sleep0"):
        raise SystemExit(f"unknown op {op!r}")
    r, w = os.pipe()
    if op == "read":
        max_samples = min(max_samples, 32768)
        os.write(w, b"x" * max_samples)  # fits in the pipe's buffer (64 KiB on Linux)
    cpu_iters = [0]
    samples = []

    def cpu():
        n = 0
        while running:
            n += 1
        cpu_iters[0] = n

    def io():
        time.sleep(0.02)  # let the CPU thread get going
        perf = time.perf_counter
        deadline = perf() + seconds
        while len(samples) < max_samples:
            if op == "pipe":
                t0 = perf()
                os.write(w, b"x")
                os.read(r, 1)
                t1 = perf()
            elif op == "read":
                t0 = perf()
                os.read(r, 1)
                t1 = perf()
            else:
                t0 = perf()
                time.sleep(0)
                t1 = perf()
            samples.append(t1 - t0)
            if t1 >= deadline:
                break

    c0 = gilsim.counters() if gilsim else None
    cpus = [threading.Thread(target=cpu) for _ in range(ncpu)]
    for t in cpus:
        t.start()
    io_thread = threading.Thread(target=io)
    io_thread.start()
    io_thread.join()
    running = False
    for t in cpus:
        t.join()
    c1 = gilsim.counters() if gilsim else None
    os.close(r)
    os.close(w)

    s = sorted(samples)
    print(f"@ n {len(s)}")
    print(f"@ p50_ms {percentile(s, 50) * 1e3}")
    print(f"@ p99_ms {percentile(s, 99) * 1e3}")
    print(f"@ max_ms {s[-1] * 1e3}")
    print(f"@ mean_ms {sum(s) / len(s) * 1e3}")
    print(f"@ cpu_iters {cpu_iters[0]}")
    print(f"@ switch_interval {sys.getswitchinterval()}")
    if gilsim:
        print(f"@ policy {gilsim.policy()}")
        for k in ("acquisitions", "switches", "drop_requests", "forced_drops", "blocking_drops"):
            print(f"@ {k} {c1[k] - c0[k]}")


main()
