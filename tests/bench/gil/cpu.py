# GIL benchmark helper: a CPU-bound pure-Python function run by one thread, twice in a row by one
# thread (sequential) and once each by two threads at the same time (each doing the full work).
#
# Run:  gilsim run [--gil POLICY] cpu.py NITERS REPS
# The three are interleaved REPS times. Prints "@ key value" lines for tests/bench/gil_bench.py:
# the smallest time over the REPS (the least disturbed by other load on the machine) of
#   one_s   one call of cpu_work(NITERS) in one thread
#   seq_s   two calls, one after the other, in one thread
#   two_s   two threads, each making one call, started together
# every time (one_all, seq_all, two_all), and the GIL counters of the whole run under gilsim.
import sys
import threading
import time

try:
    import gilsim
except ImportError:
    gilsim = None


def cpu_work(seed, niters):
    # Holds the GIL the whole time, apart from the switches the GIL policy forces.
    x = seed
    for i in range(niters):
        x = (x * 31 + i) % 1000003
    return x


def timed_threads(bodies):
    """Runs each body (a list of (seed, calls)) in its own thread, all started together."""
    go = threading.Event()
    results = [None] * len(bodies)

    def worker(index, seed, calls, niters):
        go.wait()
        x = 0
        for _ in range(calls):
            x = cpu_work(seed, niters)
        results[index] = x

    threads = [threading.Thread(target=worker, args=(i, b[0], b[1], b[2]))
               for i, b in enumerate(bodies)]
    for t in threads:
        t.start()
    time.sleep(0.01)  # let every thread reach go.wait()
    start = time.perf_counter()
    go.set()
    for t in threads:
        t.join()
    return time.perf_counter() - start, results


def main():
    niters = int(sys.argv[1])
    reps = int(sys.argv[2])
    ones, seqs, twos = [], [], []
    expected = cpu_work(1, niters)
    c0 = gilsim.counters() if gilsim else None
    for _ in range(reps):
        t, r = timed_threads([(1, 1, niters)])
        ones.append(t)
        t, r2 = timed_threads([(1, 2, niters)])
        seqs.append(t)
        t, r3 = timed_threads([(1, 1, niters), (1, 1, niters)])
        twos.append(t)
        if r != [expected] or r2 != [expected] or r3 != [expected, expected]:
            print(f"@ error wrong result: {r} {r2} {r3} (expected {expected})")
    print(f"@ one_s {min(ones)}")
    print(f"@ seq_s {min(seqs)}")
    print(f"@ two_s {min(twos)}")
    print("@ one_all " + ",".join(f"{v:.4f}" for v in ones))
    print("@ seq_all " + ",".join(f"{v:.4f}" for v in seqs))
    print("@ two_all " + ",".join(f"{v:.4f}" for v in twos))
    if gilsim:
        c1 = gilsim.counters()
        print(f"@ policy {gilsim.policy()}")
        for k in ("acquisitions", "switches", "drop_requests", "forced_drops"):
            print(f"@ {k} {c1[k] - c0[k]}")


main()
