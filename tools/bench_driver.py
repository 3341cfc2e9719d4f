# The driver of `gilsim bench` and `gilsim demo`: one measured run. It starts WORKERS workers as
# threads or as processes, each doing the full work, joins them, and prints what it measured.
#
# Run:  INTERPRETER bench_driver.py BACKEND WORKERS WORKLOAD SIZE SLEEP
#       BACKEND threads|processes; WORKLOAD cpu (cpu_func, SIZE iterations) or io (time.sleep(SLEEP))
#
# It is embedded in the gilsim binary (tools/bench_driver.py -> generated/bench_driver.cpp) and
# written to a temporary file for each benchmark; it runs under gilsim and under CPython, so it
# keeps to the API they share: threading.Thread, multiprocessing.Process, os.cpu_count(),
# time.perf_counter() and time.monotonic().
#
# Output, one record a line on stdout, each starting with "gilsim-bench" (tools/bench_runner.cpp
# parses them; anything else is ignored):
#   gilsim-bench cores N
#   gilsim-bench worker INDEX START END   seconds on time.monotonic() since the driver's start
#                                         stamp; CLOCK_MONOTONIC is shared by every process
#   gilsim-bench total SECONDS            wall time from the first start() to the last join()
#   gilsim-bench error MESSAGE            why the run cannot be made (exit status 1)
import os
import sys
import threading
import time


def cpu_func(result, niters):
    # The classic CPU-bound function of workloads/cpu_bound.py: the values pass 2**64.
    for i in range(niters):
        result = (result * result * i + 2 * result * i * i + 3) % 10000000
    return result


def report(line):
    sys.stdout.write("gilsim-bench " + line + "\n")
    sys.stdout.flush()


def worker(index, origin, workload, size, pause, spans):
    start = time.monotonic() - origin
    if workload == "cpu":
        cpu_func(index + 1, size)
    else:
        time.sleep(pause)
    end = time.monotonic() - origin
    if spans is None:
        # A process reports for itself: one short write, flushed, is one line on the pipe.
        report("worker {} {:.6f} {:.6f}".format(index, start, end))
    else:
        spans[index] = (start, end)


def main():
    if len(sys.argv) != 6:
        report("error usage: bench_driver.py BACKEND WORKERS WORKLOAD SIZE SLEEP")
        sys.exit(1)
    backend = sys.argv[1]
    nworkers = int(sys.argv[2])
    workload = sys.argv[3]
    size = int(sys.argv[4])
    pause = float(sys.argv[5])
    report("cores {}".format(os.cpu_count()))
    spans = None
    if backend == "threads":
        spans = [None] * nworkers
        make = threading.Thread
    else:
        try:
            import multiprocessing
        except ImportError:
            report("error this interpreter has no multiprocessing module")
            sys.exit(1)
        make = multiprocessing.Process
    # Flushed before any fork, so that no child inherits buffered output and prints it again.
    sys.stdout.flush()
    origin = time.monotonic()
    workers = [make(target=worker, args=(i, origin, workload, size, pause, spans))
               for i in range(nworkers)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    total = time.perf_counter() - start
    if backend == "threads":
        for i in range(nworkers):
            report("worker {} {:.6f} {:.6f}".format(i, spans[i][0], spans[i][1]))
    else:
        for w in workers:
            if w.exitcode != 0:
                report("error a worker process exited with status {}".format(w.exitcode))
                sys.exit(1)
    report("total {:.6f}".format(total))


if __name__ == "__main__":
    main()
