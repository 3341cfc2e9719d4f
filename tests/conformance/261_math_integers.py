# math on ints: exact at any size (floor/ceil/trunc give ints; isqrt, factorial, comb, perm, gcd,
# lcm, and logs of ints too wide for a float).
import math

print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(-0.0), math.ceil(0.2))
print(math.floor(10**30), math.ceil(-10**30), type(math.floor(3.0)).__name__, math.floor(1e30))
print(math.floor(True), math.sqrt(True), math.trunc(7))
print(math.isqrt(0), math.isqrt(99), math.isqrt(2**64), math.isqrt(10**100), math.isqrt(10**40 + 5))
print(math.factorial(0), math.factorial(20), math.factorial(30), len(str(math.factorial(1000))))
print(math.factorial(100) % (10**9 + 7), math.factorial(True))
print(math.comb(10, 3), math.comb(100, 50), math.comb(3, 5), math.comb(10**20, 2), math.comb(7, 0))
print(math.perm(5, 2), math.perm(5), math.perm(3, 4), math.perm(10, None), math.perm(30, 30) == math.factorial(30))
print(math.gcd(12, 18), math.gcd(), math.gcd(-4, 6, 10), math.gcd(2**100, 2**80 * 3), math.gcd(0, -7))
print(math.lcm(4, 6), math.lcm(), math.lcm(3, 0), math.lcm(2**64, 3, -5))
print(math.log(10**1000), math.log10(10**1000), math.log2(2**5000), math.log(2**1023 * 7))
print(math.log(10**400, 10**200), math.log10(2**64))


class Index:
    def __index__(self):
        return 12


class Rounder:
    def __floor__(self):
        return "floored"

    def __ceil__(self):
        return "ceiled"

    def __float__(self):
        return 2.25


print(math.gcd(Index(), 8), math.factorial(Index()), math.isqrt(Index()))
print(math.floor(Rounder()), math.ceil(Rounder()), math.sqrt(Rounder()))
