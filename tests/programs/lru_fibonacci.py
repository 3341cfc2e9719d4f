"""Memoised recursion: Fibonacci and partition numbers with functools.lru_cache, checked against
an iterative loop; big integers and cache statistics."""

from functools import lru_cache, reduce


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@lru_cache(maxsize=None)
def partitions(n, largest):
    if n == 0:
        return 1
    if n < 0 or largest == 0:
        return 0
    return partitions(n - largest, largest) + partitions(n, largest - 1)


def fib_loop(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print(fib(100), fib(100) == fib_loop(100))
print(len(str(fib(300))), str(fib(300))[:20])
print([partitions(n, n) for n in range(1, 16)])
print(partitions(100, 100))
info = fib.cache_info()
print("hits=%d misses=%d" % (info.hits, info.misses))
print(reduce(lambda a, b: a * b, range(1, 31)))
