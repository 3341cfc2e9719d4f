# mixing ints and floats, true division, int() truncation, float comparisons
print(1 / 2, 4 / 2, -7 / 2, 10 ** 20 / 10 ** 10, type(4 / 2).__name__)
print(3 + 0.5, 3 * 0.5, 3 - 0.5, 7 // 2.0, 7 % 2.5, 2 ** 0.5 * 2 ** 0.5)
print(int(7.9), int(-7.9), int(1e15), int(2.0 ** 70))
print(1 == 1.0, 1 < 1.1, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 400 > 1e300)
print(max(1, 2.0), min(2, 2.0), sum([1, 2.5, 3]), abs(-3) + abs(-0.5))
print(round(7 / 3, 4), 22 / 7, 1 / 7, 1e-7, 100 / 3)
print(0.1 * 3, 1.1 + 2.2, 3.3 * 3, 1 - 0.9)
print(float(1), float(-0), 5 / 1, 2.5 // 1, divmod(9, 2.5))
