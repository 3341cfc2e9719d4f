# The lost-update race across processes: N processes add 1 to a shared counter in shared memory,
# a multiprocessing.Value('i', 0). Each process has its own GIL, so nothing serialises them:
#   (a) counter.value += 1                    a read then a write (the Value's own lock is held
#                                             for each, not between them): another process's
#                                             increments made in between are overwritten, lost
#   (b) with counter.get_lock():              the lock held across the read and the write:
#           counter.value += 1                never loses
# Unlike threads under a GIL (race.py), (a) loses updates even without forced switches, as soon
# as two processes run at once on two cores (or are preempted by the OS between read and write).
#
# Run:  python3 shared_counter.py [INCREMENTS_PER_PROCESS] [NPROCS]
#       gilsim run shared_counter.py 100000 4
# stdout: the expected total and the locked variant's check (the same everywhere); stderr: what
# each variant really got, which changes from run to run.
#
# test-args: 2000 4
import multiprocessing
import sys
import time


def unlocked(counter, n):
    for _ in range(n):
        counter.value += 1


def locked(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def race(func, n, nprocs):
    """Runs func(counter, n) in nprocs processes; returns (final counter, seconds)."""
    counter = multiprocessing.Value("i", 0)
    procs = [multiprocessing.Process(target=func, args=(counter, n)) for _ in range(nprocs)]
    start = time.perf_counter()
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    seconds = time.perf_counter() - start
    for p in procs:
        if p.exitcode != 0:
            raise RuntimeError("{} exited with code {}".format(p.name, p.exitcode))
    return counter.value, seconds


def note(text):
    # Keeps stdout and stderr in order when both go to one terminal or file.
    sys.stdout.flush()
    print(text, file=sys.stderr)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    nprocs = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    expected = n * nprocs
    print("{} processes x {:,} increments of a multiprocessing.Value('i', 0): "
          "expected total {:,}".format(nprocs, n, expected))
    variants = (("(a) counter.value += 1", unlocked, False),
                ("(b) with get_lock(): counter.value += 1", locked, True))
    rows = ["variant                                       total       lost  lost %  seconds"]
    for label, func, check in variants:
        total, seconds = race(func, n, nprocs)
        if check:
            print("{}: total as expected: {}".format(label, total == expected))
        else:
            print("{}: lost updates, if any, on stderr".format(label))
        lost = expected - total
        rows.append("{:<41}  {:>10,}  {:>9,}  {:>5.1f}%  {:>7.3f}".format(
            label, total, lost, 100.0 * lost / expected, seconds))
    note("\n".join(rows))


if __name__ == "__main__":
    main()
