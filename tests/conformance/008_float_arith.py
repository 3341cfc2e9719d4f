# float arithmetic and mixing with ints
print(0.1 + 0.2)
print(1.5 * 4, 10 / 4, 2.0 ** 10, 2 ** 0.5)
print(7.0 // 2, 7.0 % 2, -7.0 // 2)
print(1 + 2.0, 3 * 1.5, 1 / 3)
print(1e10, 1e16, 1.5e-5, 123456789.0)
print(1e300 * 1e10, -1e300 * 1e10)
print(float("1.25"), float("-3"), float("  2.5 "))
print(int(3.99), int(-3.99), round(2.5), round(3.5), round(-0.5))
print(round(3.14159, 2), round(2.675, 2), round(1234.5678, -2))
print(3.0 == 3, 0.1 + 0.2 == 0.3, 2.5 < 3)
print(abs(-2.5), -0.0, 0.0 == -0.0)
x = 10.0
x /= 4
x -= 0.5
print(x)
print(float(2 ** 53), float(10 ** 20))
print(1e22, 1e15 + 0.3)
