# not-a-workload: the shared helpers of the fairness scenarios (workloads/fairness/test_*.py).
#
# Each scenario is a plain script: under CPython (no `gilsim` module) it runs its threads and
# prints the same stdout, and checks nothing; under gilsim it records the GIL's events and asserts
# its bound on gilsim.stats(). `gilsim test workloads/fairness --sim` runs them over a matrix.
import sys
import threading
import time

try:
    import gilsim
except ImportError:
    gilsim = None


def start():
    """Starts recording (gilsim only); returns whether the bounds are to be checked."""
    if gilsim is None:
        return False
    if not gilsim.recording():
        gilsim.start_recording()
    return True


def process_stats():
    """The main process's metrics (the --stats-json dictionary), or None under CPython."""
    if gilsim is None:
        return None
    return gilsim.stats()["processes"][0]


def thread_stats(name):
    p = process_stats()
    for t in p["threads"]:
        if t["name"] == name:
            return t
    raise AssertionError("no thread named " + name)


def interval_ms():
    return sys.getswitchinterval() * 1000


def policy():
    return gilsim.policy() if gilsim is not None else "cpython"


def spin(stop):
    x = 0
    while not stop[0]:
        x = (x * 31 + 7) % 1000003


class CpuHogs:
    """n CPU-bound threads named hog-1..hog-n, running until the with block ends."""

    def __init__(self, n):
        self.stop = [False]
        self.threads = [threading.Thread(target=spin, args=(self.stop,), name="hog-" + str(i + 1))
                        for i in range(n)]

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop[0] = True
        for t in self.threads:
            t.join()
        return False


def note(text):
    """Measurements go to stderr (stdout is compared with CPython's)."""
    sys.stdout.flush()
    print(text, file=sys.stderr)
