"""Dense matrices as lists of lists: products, a power by repeated squaring (Fibonacci numbers
again), the transpose and Gaussian elimination for a determinant with exact fractions."""

from fractions import Fraction


def multiply(a, b):
    bt = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def power(m, e):
    result = identity(len(m))
    while e:
        if e & 1:
            result = multiply(result, m)
        m = multiply(m, m)
        e >>= 1
    return result


def determinant(m):
    m = [[Fraction(x) for x in row] for row in m]
    n = len(m)
    det = Fraction(1)
    for col in range(n):
        pivot = next((r for r in range(col, n) if m[r][col] != 0), None)
        if pivot is None:
            return Fraction(0)
        if pivot != col:
            m[col], m[pivot] = m[pivot], m[col]
            det = -det
        det *= m[col][col]
        for r in range(col + 1, n):
            factor = m[r][col] / m[col][col]
            m[r] = [a - factor * b for a, b in zip(m[r], m[col])]
    return det


a = [[(i * 3 + j * 5) % 7 - 3 for j in range(6)] for i in range(6)]
b = [[(i + 2 * j) % 5 for j in range(6)] for i in range(6)]
c = multiply(a, b)
for row in c:
    print(" ".join("%4d" % x for x in row))
print("fib(90) =", power([[1, 1], [1, 0]], 90)[0][1])
print("det(a) =", determinant(a), " det(b) =", determinant(b))
hilbert = [[Fraction(1, i + j + 1) for j in range(4)] for i in range(4)]
print("det(hilbert 4) =", determinant(hilbert))
