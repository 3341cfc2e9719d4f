# What a process costs to start: a child that does nothing, started and joined N times with each
# start method. 'fork' copies the parent (copy-on-write) and runs the target at once; 'spawn'
# starts a fresh interpreter, which re-imports this script (hence the __main__ guard) before it
# can run the target, so it costs far more: a thread start costs microseconds, a fork a
# millisecond or so, a spawn tens of milliseconds.
#
# Run:  python3 start_cost.py [N] [METHODS]
#       gilsim run start_cost.py 20 fork,spawn
# METHODS: comma-separated start methods, default fork,spawn (each via multiprocessing.get_context).
# A thread start+join is measured first, as the baseline.
# stdout: which methods were measured, how many children each, and whether all exited 0 (the
# same everywhere); stderr: the median, min and max start+join time.
#
# test-args: 3 fork,spawn
import multiprocessing
import sys
import threading
import time


def child():
    # The target: nothing. A module-level function, so that a spawned child finds it by name.
    pass


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def measure(method, n):
    """Starts and joins n children with start method `method`; returns (times, all_ok)."""
    ctx = multiprocessing.get_context(method)
    times = []
    all_ok = True
    for _ in range(n):
        p = ctx.Process(target=child)
        start = time.perf_counter()
        p.start()
        p.join()
        times.append(time.perf_counter() - start)
        all_ok = all_ok and p.exitcode == 0
    return times, all_ok


def measure_threads(n):
    """The baseline: starts and joins n threads that do nothing; returns their times."""
    times = []
    for _ in range(n):
        t = threading.Thread(target=child)
        start = time.perf_counter()
        t.start()
        t.join()
        times.append(time.perf_counter() - start)
    return times


def note(text):
    # Keeps stdout and stderr in order when both go to one terminal or file.
    sys.stdout.flush()
    print(text, file=sys.stderr)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    methods = sys.argv[2].split(",") if len(sys.argv) > 2 else ["fork", "spawn"]
    print("start + join of a process that does nothing, {} times per start method".format(n))
    rows = ["method      median ms     min ms     max ms"]
    times = measure_threads(n)
    print("thread (the baseline): {} threads started and joined".format(len(times)))
    rows.append("{:<8} {:>12.3f} {:>10.3f} {:>10.3f}".format(
        "thread", median(times) * 1e3, min(times) * 1e3, max(times) * 1e3))
    for method in methods:
        times, all_ok = measure(method, n)
        print("{}: {} children started and joined, all exited 0: {}".format(
            method, len(times), all_ok))
        rows.append("{:<8} {:>12.3f} {:>10.3f} {:>10.3f}".format(
            method, median(times) * 1e3, min(times) * 1e3, max(times) * 1e3))
    note("\n".join(rows))


if __name__ == "__main__":
    main()
