"""CPU-bound work spread over processes: ProcessPoolExecutor.map with a chunksize, submit with
an exception coming back, and multiprocessing.Pool's map, starmap and apply_async."""

from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def checked_root(n):
    if n < 0:
        raise ValueError("negative: %d" % n)
    return int(n ** 0.5)


def power(base, exponent):
    return base ** exponent


if __name__ == "__main__":
    numbers = list(range(1, 2001))
    with ProcessPoolExecutor(max_workers=3) as pool:
        steps = list(pool.map(collatz_steps, numbers, chunksize=100))
        print("longest chain below 2001:", max(zip(steps, numbers)))
        future = pool.submit(checked_root, -4)
        print("exception:", repr(future.exception()))
        print("roots:", [f.result() for f in [pool.submit(checked_root, n) for n in (0, 15, 16, 99)]])
    with Pool(3) as pool:
        print(sum(pool.map(collatz_steps, range(1, 500))))
        print(pool.starmap(power, [(2, 10), (3, 4), (10, 3)]))
        print(pool.apply_async(collatz_steps, (27,)).get(timeout=10))
