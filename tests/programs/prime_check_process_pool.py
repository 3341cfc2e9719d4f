"""Checking large numbers for primality in a process pool, the way the concurrent.futures
documentation introduces ProcessPoolExecutor, with math.isqrt for the trial bound (smaller
numbers than its example, to stay quick)."""

import math
from concurrent.futures import ProcessPoolExecutor

NUMBERS = [
    999999000001, 2147483647, 1000000007, 998244353, 600851475143, 1234567891, 99999999977,
    1000000000039, 4294967297, 10000000019,
]


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    for i in range(3, math.isqrt(n) + 1, 2):
        if n % i == 0:
            return False
    return True


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=4) as executor:
        for number, prime in zip(NUMBERS, executor.map(is_prime, NUMBERS, chunksize=2)):
            print("%d is prime: %s" % (number, prime))
