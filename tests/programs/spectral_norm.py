"""The spectral norm of the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1),
by the power method on A transposed times A."""

import math


def a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times(u):
    n = len(u)
    return [sum(a(i, j) * u[j] for j in range(n)) for i in range(n)]


def times_transposed(u):
    n = len(u)
    return [sum(a(j, i) * u[j] for j in range(n)) for i in range(n)]


def ata_times(u):
    return times_transposed(times(u))


for n in (10, 40, 80):
    u = [1.0] * n
    for _ in range(10):
        v = ata_times(u)
        u = ata_times(v)
    vbv = sum(x * y for x, y in zip(u, v))
    vv = sum(x * x for x in v)
    print("n=%d norm=%.9f" % (n, math.sqrt(vbv / vv)))
