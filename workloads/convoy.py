# The convoy effect: an I/O thread makes many short blocking calls (time.sleep(WAIT), standing in
# for a quick device or network reply). Each call gives the GIL up, and a CPU-bound thread takes
# it; when the call returns, the I/O thread must wait to get the GIL back. Under CPython's GIL
# (gilsim --gil cpython) that wait is about one switch interval (5 ms) per call, so a call that
# should take WAIT takes WAIT + 5 ms and the I/O thread crawls; Beazley's priority fix
# (gilsim --gil priority) lets a thread back from I/O take the GIL at once.
#
# Run:  python3 convoy.py [CALLS] [CPU_THREAD_COUNTS] [WAIT_SECONDS]
#       gilsim run convoy.py 200 0,1 0.0001
#       gilsim run --gil priority convoy.py
# stdout: the work done (the same everywhere); stderr: each call's latency (from making the call
# to being back in Python) as count, median (p50), p99 and max, in milliseconds.
#
# test-args: 20 0,1
import sys
import threading
import time

try:
    import gilsim
except ImportError:
    gilsim = None


def percentile(sorted_values, p):
    """The nearest-rank percentile p (0-100) of an ascending list."""
    if not sorted_values:
        return 0.0
    rank = -(-len(sorted_values) * p // 100)  # ceil(n * p / 100)
    return sorted_values[max(0, min(len(sorted_values), int(rank)) - 1)]


def cpu_worker(stop):
    x = 0
    while not stop[0]:
        x = (x * 31 + 7) % 1000003


def io_worker(ncalls, wait, latencies):
    for _ in range(ncalls):
        asked = time.perf_counter()
        time.sleep(wait)  # blocks without the GIL; returning needs the GIL back
        latencies.append(time.perf_counter() - asked)


def run(ncalls, wait, ncpu):
    """ncalls calls of time.sleep(wait) while ncpu CPU-bound threads run.

    Returns (each call's latency, the I/O thread's seconds)."""
    stop = [False]
    latencies = []
    cpu_threads = [threading.Thread(target=cpu_worker, args=(stop,), name="cpu-{}".format(i + 1))
                   for i in range(ncpu)]
    for t in cpu_threads:
        t.start()
    time.sleep(0.01)  # let the CPU threads get going
    io_thread = threading.Thread(target=io_worker, args=(ncalls, wait, latencies), name="io")
    start = time.perf_counter()
    io_thread.start()
    io_thread.join()
    seconds = time.perf_counter() - start
    stop[0] = True
    for t in cpu_threads:
        t.join()
    return latencies, seconds


def note(text):
    # Keeps stdout and stderr in order when both go to one terminal or file.
    sys.stdout.flush()
    print(text, file=sys.stderr)


def main():
    ncalls = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    counts = [int(c) for c in sys.argv[2].split(",")] if len(sys.argv) > 2 else [0, 1]
    wait = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0001
    print("I/O thread: {} blocking calls of time.sleep({})".format(ncalls, wait))
    rows = ["CPU threads  calls  p50 ms  p99 ms  max ms  I/O thread s"]
    for ncpu in counts:
        latencies, seconds = run(ncalls, wait, ncpu)
        print("with {} CPU-bound thread{}: {} calls made".format(
            ncpu, "" if ncpu == 1 else "s", len(latencies)))
        ms = sorted(x * 1000 for x in latencies)
        rows.append("{:>11}  {:>5}  {:>6.3f}  {:>6.3f}  {:>6.3f}  {:>12.3f}".format(
            ncpu, len(ms), percentile(ms, 50), percentile(ms, 99), ms[-1] if ms else 0.0,
            seconds))
    rows.append("(switch interval {:g} ms{})".format(
        sys.getswitchinterval() * 1000,
        ", gilsim GIL policy " + gilsim.policy() if gilsim is not None else ""))
    note("\n".join(rows))


if __name__ == "__main__":
    main()
