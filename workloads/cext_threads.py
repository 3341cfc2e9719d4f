# C extensions and the GIL: native code that releases the GIL lets threads run in parallel, native
# code that holds it does not. The same jobs run one after another (serial) and in threads:
#   cext.compute(units)          native CPU work with the GIL released: threads/serial about 1/N
#                                (about 0.5 for 2 threads, given 2 free cores)
#   cext.compute_holding(units)  the same work holding the GIL: threads/serial about 1.0
# Under gilsim `cext` is native; under CPython workloads/cext.py stands in for it (hashlib's
# pbkdf2_hmac releases the GIL, a pure-Python loop holds it).
#
# Run:  python3 cext_threads.py [UNITS] [NTHREADS]     (1 unit is about 2 ms of work)
#       gilsim run cext_threads.py 200 2
# stdout: the jobs and whether threads computed what serial did; stderr: the timings, and under
# gilsim how long the worker threads held the GIL.
#
# test-args: 10 2
import sys
import threading
import time

import cext

try:
    import gilsim
except ImportError:
    gilsim = None


def serial(func, units, njobs):
    start = time.perf_counter()
    results = [func(units) for _ in range(njobs)]
    return results, time.perf_counter() - start


def threaded(func, units, njobs):
    """One thread per job; returns (results, seconds, seconds the workers held the GIL)."""
    results = [None] * njobs
    held = [0.0] * njobs

    def worker(index):
        results[index] = func(units)
        if gilsim is not None:
            held[index] = gilsim.thread_counters()["held_s"]

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(njobs)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, time.perf_counter() - start, sum(held)


def note(text):
    # Keeps stdout and stderr in order when both go to one terminal or file.
    sys.stdout.flush()
    print(text, file=sys.stderr)


def main():
    units = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    njobs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    print("{} jobs of {} units each, run serially and then in {} threads".format(
        njobs, units, njobs))
    rows = ["function          serial s  threads s  threads/serial  GIL held by threads"]
    for name, func in (("compute", cext.compute), ("compute_holding", cext.compute_holding)):
        serial_results, serial_s = serial(func, units, njobs)
        thread_results, thread_s, held_s = threaded(func, units, njobs)
        print("cext.{}: threads computed the same as serial: {}".format(
            name, thread_results == serial_results))
        held = "{:.3f} s".format(held_s) if gilsim is not None else "(gilsim only)"
        rows.append("{:<16}  {:>8.3f}  {:>9.3f}  {:>14.2f}  {:>19}".format(
            name, serial_s, thread_s, thread_s / serial_s, held))
    note("\n".join(rows))


if __name__ == "__main__":
    main()
