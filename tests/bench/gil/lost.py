# GIL benchmark helper: lost updates. NTHREADS threads each add 1 to a shared global N times; the
# GIL makes each bytecode instruction atomic, but `counter += 1` is a load, an add and a store, so
# an update is lost when the GIL changes hands between the load and the store.
#
# Run:  gilsim run [--check-points branches|every] lost.py MODE NTHREADS N
#   MODE  plain  counter += 1
#         call   c = counter; noop(); counter = c + 1  (a call, hence a check point, between the
#                read and the write)
#         lock   with lock: counter += 1
# Prints "@ key value" lines for tests/bench/gil_bench.py: expected, counter, lost, wall_s and,
# under gilsim, the GIL counters.
import sys
import threading
import time

try:
    import gilsim
except ImportError:
    gilsim = None

counter = 0
lock = threading.Lock()


def noop():
    pass


def work_plain(n):
    global counter
    for _ in range(n):
        counter += 1


def work_call(n):
    global counter
    for _ in range(n):
        c = counter
        noop()
        counter = c + 1


def work_lock(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


def main():
    mode = sys.argv[1]
    nthreads = int(sys.argv[2])
    n = int(sys.argv[3])
    body = {"plain": work_plain, "call": work_call, "lock": work_lock}[mode]
    go = threading.Event()

    def worker():
        go.wait()
        body(n)

    threads = [threading.Thread(target=worker) for _ in range(nthreads)]
    for t in threads:
        t.start()
    time.sleep(0.01)  # let every thread reach go.wait()
    c0 = gilsim.counters() if gilsim else None
    start = time.perf_counter()
    go.set()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    expected = nthreads * n
    print(f"@ expected {expected}")
    print(f"@ counter {counter}")
    print(f"@ lost {expected - counter}")
    print(f"@ wall_s {wall}")
    if gilsim:
        c1 = gilsim.counters()
        print(f"@ policy {gilsim.policy()}")
        for k in ("acquisitions", "switches", "drop_requests", "forced_drops", "blocking_drops"):
            print(f"@ {k} {c1[k] - c0[k]}")


main()
