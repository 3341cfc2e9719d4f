# CPU-bound threads under the GIL: the same pure-Python loop run by 1, 2 and 4 threads at once,
# each thread doing the full work. Without a GIL, on enough cores, every row would take about as
# long as the first; with it only one thread runs Python at a time, so N threads take about N
# times as long as one ("vs 1 thread" close to N).
#
# Run:  python3 cpu_threads.py [NITERS] [THREAD_COUNTS]
#       gilsim run cpu_threads.py 2000000 1,2,4
# stdout: the work and each thread's result (the same everywhere); stderr: the timings.
#
# test-args: 100000 1,2
import sys
import threading
import time


def cpu_work(seed, niters):
    # A pure-Python loop: it holds the GIL the whole time, apart from forced switches.
    x = seed
    for i in range(niters):
        x = (x * 31 + i) % 1000003
    return x


def run_threads(nthreads, niters):
    """Runs cpu_work in nthreads threads at once; returns (results, seconds)."""
    results = [None] * nthreads

    def worker(index):
        results[index] = cpu_work(index + 1, niters)

    threads = [threading.Thread(target=worker, args=(i,), name="cpu-{}".format(i + 1))
               for i in range(nthreads)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, time.perf_counter() - start


def note(text):
    # Keeps stdout and stderr in order when both go to one terminal or file.
    sys.stdout.flush()
    print(text, file=sys.stderr)


def main():
    niters = int(sys.argv[1]) if len(sys.argv) > 1 else 2000000
    counts = [int(c) for c in sys.argv[2].split(",")] if len(sys.argv) > 2 else [1, 2, 4]
    print("cpu_work: {:,} iterations of a pure-Python loop per thread".format(niters))
    rows = []
    base = None
    for n in counts:
        results, seconds = run_threads(n, niters)
        print("{} thread{}: results {}".format(n, "" if n == 1 else "s",
                                               ", ".join(str(r) for r in results)))
        if base is None:
            base = seconds / n  # the time of one thread's work
        rows.append("{:>7}  {:>7.3f}  {:>11.2f}".format(n, seconds, seconds / base))
    note("threads  seconds  vs 1 thread  (about N under a GIL)\n" + "\n".join(rows))


if __name__ == "__main__":
    main()
