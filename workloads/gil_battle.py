# Beazley's GIL battle ("Inside the Python GIL", 2009): the same CPU-bound countdown done twice,
# first one call after the other, then by two threads at once. Under a GIL the threads cannot be
# faster; under CPython 3.2+'s GIL they take about as long as the sequential calls. Under the old
# GIL of Python 2 and 3.0-3.1 (gilsim --gil cpython-old), on a machine with 2 or more cores, they
# are slower: every 100 ticks the holder releases the lock and at once takes it back, while the
# thread it signalled wakes on another core, finds the lock taken and goes back to sleep.
#
# Run:  python3 gil_battle.py [N] [NTHREADS]
#       gilsim run gil_battle.py 10000000
#       gilsim run --gil cpython-old gil_battle.py
# stdout: the work done (the same everywhere); stderr: both times and their ratio, and under
# gilsim how often the GIL changed hands.
#
# test-args: 200000 2
import sys
import threading
import time

try:
    import gilsim
except ImportError:
    gilsim = None


def count(n):
    while n > 0:
        n -= 1


def sequential(n, ncalls):
    start = time.perf_counter()
    for _ in range(ncalls):
        count(n)
    return time.perf_counter() - start


def threaded(n, nthreads):
    threads = [threading.Thread(target=count, args=(n,)) for _ in range(nthreads)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def gil_counters():
    return gilsim.counters() if gilsim is not None else None


def note(text):
    # Keeps stdout and stderr in order when both go to one terminal or file.
    sys.stdout.flush()
    print(text, file=sys.stderr)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    print("count({:,}) {} times: one call after the other, then in {} threads".format(
        n, nthreads, nthreads))
    sequential_s = sequential(n, nthreads)
    print("sequential: done")
    before = gil_counters()
    threaded_s = threaded(n, nthreads)
    after = gil_counters()
    print("threaded: done")

    rows = ["sequential  {:>7.3f} s".format(sequential_s),
            "{} threads   {:>7.3f} s".format(nthreads, threaded_s),
            "threads / sequential: {:.2f}".format(threaded_s / sequential_s)]
    if gilsim is not None:
        rows.append("gilsim ({} GIL), threaded part: {:,} acquisitions, {:,} hand-offs".format(
            gilsim.policy(), after["acquisitions"] - before["acquisitions"],
            after["switches"] - before["switches"]))
    note("\n".join(rows))


if __name__ == "__main__":
    main()
