"""The classic GIL demonstration: count down from a big number once, in two threads and in two
processes. The timings (which show the GIL) go to stderr; stdout shows that all three did the
same work."""

import sys
import time
import threading
import multiprocessing

N = 300000


def countdown(n, results, key):
    while n > 0:
        n -= 1
    results[key] = n


def timed(label, fn):
    start = time.perf_counter()
    fn()
    sys.stderr.write("%-10s %.3f s\n" % (label, time.perf_counter() - start))


def sequential():
    results = {}
    countdown(N, results, "a")
    countdown(N, results, "b")
    print("sequential:", sorted(results.items()))


def threaded():
    results = {}
    threads = [threading.Thread(target=countdown, args=(N, results, k)) for k in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("threads:", sorted(results.items()))


def in_processes():
    with multiprocessing.Manager() as manager:
        results = manager.dict()
        procs = [multiprocessing.Process(target=countdown, args=(N, results, k)) for k in "ab"]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        print("processes:", sorted(results.items()), [p.exitcode for p in procs])


if __name__ == "__main__":
    timed("sequential", sequential)
    timed("threads", threaded)
    timed("processes", in_processes)
