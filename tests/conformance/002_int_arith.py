# basic integer arithmetic
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b)
print(a // b, a % b)
print(a ** 2, 2 ** 10, 3 ** 0)
print(-a, +a, -(-a))
print(10 - 3 - 2, 2 * 3 + 4, 2 + 3 * 4)
print(100 // 7 * 7 + 100 % 7)
print(0 * 12345, 1 * -1)
print(7 / 7, 0 / 5)
print(2 ** -1, 10 ** -2)
x = 5
x += 3
x *= 2
x -= 1
x //= 2
x %= 5
print(x)
print(int("42") + 1, int("-17"), int("  8  "))
