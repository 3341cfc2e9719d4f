print(0.1 + 0.2, 1e300 * 1e10, -0.0, 1 / 3, round(2.675, 2), round(7.5), float("nan") != float("nan"))
print(int(3.9), float("1e-5"), 10 / 4, 7 // 2.0, -7 % 3, 2 ** -1, 5 .__add__(1) if False else 6, 1_000_000)
print(min(3, 1.5), max([1, 2], key=len) if False else 2, abs(-2.5), divmod(-7.5, 2), 0o17, 0xff, 0b101)
x = 1.0
x += 2; x -= 0.5; x *= 3; x /= 2; x //= 1; x %= 5; x **= 2
print(x, 3 < 4 <= 4 != 5, not None, None is None, 1 if [] else 2, [] or "default", 3 and 0)
