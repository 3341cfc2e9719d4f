"""Primes three ways: a sieve of Eratosthenes, trial division by a generator of primes, and an
incremental sieve; their counts and sums must agree."""

import itertools


def sieve(limit):
    flags = bytearray([1]) * (limit + 1)
    flags[0] = flags[1] = 0
    for i in range(2, int(limit ** 0.5) + 1):
        if flags[i]:
            flags[i * i::i] = bytearray(len(range(i * i, limit + 1, i)))
    return [i for i, f in enumerate(flags) if f]


def trial_division():
    found = []
    for n in itertools.count(2):
        if all(n % p for p in itertools.takewhile(lambda p: p * p <= n, found)):
            found.append(n)
            yield n


def incremental():
    composites = {}
    for n in itertools.count(2):
        if n not in composites:
            composites[n * n] = [n]
            yield n
        else:
            for p in composites.pop(n):
                composites.setdefault(n + p, []).append(p)


limit = 20000
a = sieve(limit)
b = list(itertools.takewhile(lambda p: p <= limit, trial_division()))
c = list(itertools.takewhile(lambda p: p <= limit, incremental()))
print(len(a), sum(a), a[-5:])
print(a == b == c)
twins = [(p, q) for p, q in zip(a, a[1:]) if q - p == 2]
print("twin pairs:", len(twins), twins[-3:])
gaps = sorted(set(q - p for p, q in zip(a, a[1:])))
print("gaps:", gaps)
