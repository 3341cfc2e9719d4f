# The classic threads-vs-processes benchmark (in the style of the well-known Stack Overflow
# answer on threading vs multiprocessing in Python): N workers each run the same CPU-bound
# function, once as N threading.Thread subclasses and once as N multiprocessing.Process
# subclasses, for N = 1 .. 2 * cpu_count - 1. Under a GIL the threads take about N times as long
# as one worker; the processes, each with its own interpreter and GIL, take about as long as one
# until N passes the number of cores.
#
# Run:  python3 classic_threads_vs_processes.py [NITERS] [CPU_COUNT]
#       gilsim run classic_threads_vs_processes.py 1000000
# CPU_COUNT defaults to multiprocessing.cpu_count(); the rows run nthreads = 1 .. 2*CPU_COUNT-1.
# stdout: the work, and per row how many workers of each class ran and whether all their results
# equal the serial result (the same everywhere for the same CPU_COUNT); stderr: the timings, one
# line per row, in the answer's format (nthreads, then seconds per class as '{:.6e}').
#
# test-args: 20000 2
import multiprocessing
import sys
import threading
import time


def cpu_func(min_, max_):
    # A useless CPU-bound function (cpu_bound.py's loop over range(min_, max_)): the values pass
    # 2**64, so ints go big. Pure Python: a thread running it holds the GIL throughout.
    result = 1
    for i in range(min_, max_):
        result = (result * result * i + 2 * result * i * i + 3) % 10000000
    return result


class CpuThread(threading.Thread):
    def __init__(self, index, min_, max_, results):
        super().__init__()
        self.index = index
        self.min_ = min_
        self.max_ = max_
        self.results = results  # a list shared with the main thread

    def run(self):
        self.results[self.index] = cpu_func(self.min_, self.max_)


class CpuProcess(multiprocessing.Process):
    def __init__(self, index, min_, max_, results):
        super().__init__()
        self.index = index
        self.min_ = min_
        self.max_ = max_
        self.results = results  # a multiprocessing.Queue: a child cannot write the parent's list

    def run(self):
        self.results.put((self.index, cpu_func(self.min_, self.max_)))


def run_workers(worker_class, nworkers, niters):
    """Starts nworkers instances of worker_class, waits for them; returns (results, seconds)."""
    if worker_class is CpuThread:
        channel = [None] * nworkers
    else:
        channel = multiprocessing.Queue()
    start = time.perf_counter()
    workers = []
    for i in range(nworkers):
        worker = worker_class(i, 0, niters, channel)
        workers.append(worker)
        worker.start()
    if worker_class is CpuThread:
        results = channel
    else:
        # Read the results before joining: a child exits only once its queue data is flushed.
        results = [None] * nworkers
        for _ in range(nworkers):
            index, value = channel.get()
            results[index] = value
    for worker in workers:
        worker.join()
    seconds = time.perf_counter() - start
    if worker_class is CpuProcess:
        for worker in workers:
            if worker.exitcode != 0:
                raise RuntimeError("{} exited with code {}".format(worker.name, worker.exitcode))
    return results, seconds


def note(text):
    # Keeps stdout and stderr in order when both go to one terminal or file.
    sys.stdout.flush()
    print(text, file=sys.stderr)


def main():
    niters = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    cpu_count = int(sys.argv[2]) if len(sys.argv) > 2 else multiprocessing.cpu_count()
    thread_classes = [CpuThread, CpuProcess]
    expected = cpu_func(0, niters)
    print("cpu_func(0, {:,}) per worker = {}; cpu_count {}: nthreads 1 to {}".format(
        niters, expected, cpu_count, 2 * cpu_count - 1))
    note(" ".join(["nthreads"] + [thread_class.__name__ for thread_class in thread_classes]))
    for nthreads in range(1, 2 * cpu_count):
        times = []
        checks = []
        for thread_class in thread_classes:
            results, seconds = run_workers(thread_class, nthreads, niters)
            times.append(seconds)
            same = len(results) == nthreads and all(r == expected for r in results)
            checks.append("{} {} run, results equal: {}".format(
                len(results), thread_class.__name__, same))
        print("nthreads {}: {}".format(nthreads, "; ".join(checks)))
        note("{} {}".format(nthreads, " ".join("{:.6e}".format(t) for t in times)))


if __name__ == "__main__":
    main()
