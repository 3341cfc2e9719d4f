# fractions: construction (ints, floats exactly, strings), lowest terms, arithmetic exact with
# ints and floats mixing to float, comparisons, hashes equal to equal numbers', rounding,
# limit_denominator, errors.
from fractions import Fraction as F
print(F(6, 4), F(-6, 4), F(6, -4), F(0, 5), F(3), F(F(1, 3)), F(1.5), F(0.1), F("3/4"), F(" -1.25e2 "), F("7e-3"), F(".5"), F("2."))
print(repr(F(1, 3)), str(F(4, 2)), F(1, 3).numerator, F(1, 3).denominator, F(2, 3).as_integer_ratio())
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(F(7, 2), F(2, 3)), -a, abs(-a), +a)
print(a + 1, 1 - a, 2 * a, 1 / a, a ** 2, a ** -2, F(-2, 3) ** -3, F(4, 9) ** F(1, 2), 2 ** F(3), 2 ** F(1, 2))
print(a + 0.5, 0.25 * a, a == F(2, 6), a == 1, F(2) == 2, F(1, 2) == 0.5, a < 0.34, a > b, a <= F(1, 3), sorted([F(3, 4), F(1, 2), 0.6, 1]))
print(hash(F(2)) == hash(2), hash(F(1, 2)) == hash(0.5), hash(F(-3, 1)) == hash(-3), hash(F(1, 3)) == hash(F(2, 6)), len({F(1, 2), 0.5, F(2, 4)}))
print(int(F(7, 2)), int(F(-7, 2)), float(F(1, 8)), round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(1, 3), 2), round(F(1234), -2), bool(F(0)), bool(a))
print(F(-7, 2).__floor__(), F(-7, 2).__ceil__(), F(-7, 2).__trunc__())
print(F(3.141592653589793).limit_denominator(10), F(3.141592653589793).limit_denominator(100), F(1, 3).limit_denominator(2), F.from_float(0.75))
for bad in [lambda: F(1, 0), lambda: F("abc"), lambda: F("1/0"), lambda: a / 0, lambda: F(1.5, 2), lambda: F(float("nan")), lambda: F(0) ** -1]:
    try:
        bad()
    except (ZeroDivisionError, ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
