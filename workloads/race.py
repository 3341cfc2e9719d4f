# The lost-update race: threads add 1 to a shared counter. The GIL makes each bytecode
# instruction atomic, not `counter += 1`, which is a load, an add and a store: a thread switched
# out between its load and its store later writes back a stale value, and every increment the
# other threads made meanwhile is lost.
#   (a) counter += 1                  CPython 3.10+ (and gilsim's default check points) only
#                                     switch at backward jumps and calls, so this loses nothing;
#                                     before 3.10 (gilsim --check-points every) it loses updates
#   (b) counter = add_one(counter)    a call between the load and the store: a switch can land
#                                     there, so this loses updates everywhere
#   (c) with lock: counter += 1       a Lock makes the load-add-store atomic: never loses
#
# Run:  python3 race.py [INCREMENTS_PER_THREAD] [NTHREADS]
#       gilsim run race.py 200000 4
#       gilsim run --check-points every race.py
# stdout: the expected total and the locked variant's check (the same everywhere); stderr: what
# each variant really got, which changes from run to run.
#
# test-args: 20000 4
import sys
import threading
import time

try:
    import gilsim
except ImportError:
    gilsim = None

counter = 0
lock = threading.Lock()


def plain(n):
    global counter
    for _ in range(n):
        counter += 1


def add_one(value):
    return value + 1


def with_call(n):
    global counter
    for _ in range(n):
        counter = add_one(counter)


def with_lock(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


def race(func, n, nthreads):
    """Runs func(n) in nthreads threads started together; returns (final counter, seconds)."""
    global counter
    counter = 0
    start_line = threading.Barrier(nthreads + 1)

    def worker():
        start_line.wait()
        func(n)

    threads = [threading.Thread(target=worker) for _ in range(nthreads)]
    for t in threads:
        t.start()
    start = time.perf_counter()
    start_line.wait()
    for t in threads:
        t.join()
    return counter, time.perf_counter() - start


def note(text):
    # Keeps stdout and stderr in order when both go to one terminal or file.
    sys.stdout.flush()
    print(text, file=sys.stderr)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    expected = n * nthreads
    print("{} threads x {:,} increments of a shared counter: expected total {:,}".format(
        nthreads, n, expected))
    variants = (("(a) counter += 1", plain, False),
                ("(b) counter = add_one(counter)", with_call, False),
                ("(c) with lock: counter += 1", with_lock, True))
    rows = ["variant                              total       lost  lost %  seconds"]
    for label, func, check in variants:
        total, seconds = race(func, n, nthreads)
        if check:
            print("{}: total as expected: {}".format(label, total == expected))
        else:
            print("{}: lost updates, if any, on stderr".format(label))
        lost = expected - total
        rows.append("{:<32}  {:>10,}  {:>9,}  {:>5.1f}%  {:>7.3f}".format(
            label, total, lost, 100.0 * lost / expected, seconds))
    if gilsim is not None:
        rows.append("(gilsim: GIL policy {}, check points at {})".format(
            gilsim.policy(), gilsim.check_points()))
    note("\n".join(rows))


if __name__ == "__main__":
    main()
