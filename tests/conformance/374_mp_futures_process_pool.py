# ProcessPoolExecutor: submit, map with chunksize (results in order), exceptions from workers
# back in result(), the default max_workers (cpu_count), argument checks, workers reused across
# calls, and submit after shutdown.
import os
from concurrent.futures import ProcessPoolExecutor, as_completed, wait


def square(x):
    return x * x


def fail(x):
    raise ValueError("bad input %d" % x)


def worker_pid(_):
    return os.getpid()


if __name__ == "__main__":
    print(ProcessPoolExecutor()._max_workers == os.cpu_count())
    with ProcessPoolExecutor(max_workers=2) as pool:
        print(pool.submit(square, 12).result())
        print(list(pool.map(square, range(10))))
        print(list(pool.map(square, range(10), chunksize=4)))
        print(list(pool.map(pow, range(5), [2] * 5, chunksize=2)))
        print(sorted(f.result() for f in as_completed([pool.submit(square, i) for i in range(6)])))
        f = pool.submit(fail, 3)
        try:
            f.result()
        except ValueError as e:
            print("ValueError from a worker:", e)
        done, not_done = wait([pool.submit(square, 2), f])
        print(len(done), len(not_done))
        pids = set(pool.map(worker_pid, range(20)))
        print("worker processes used:", 1 <= len(pids) <= 2, os.getpid() not in pids)
        try:
            pool.map(square, range(3), chunksize=0)
        except ValueError as e:
            print("ValueError:", e)
    try:
        pool.submit(square, 1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        ProcessPoolExecutor(max_workers=-1)
    except ValueError as e:
        print("ValueError:", e)
