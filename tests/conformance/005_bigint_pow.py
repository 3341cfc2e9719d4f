# big powers and factorials
print(2 ** 100)
print(3 ** 80)
print((-2) ** 63, (-2) ** 64)
print(7 ** 77 % 1000)
f = 1
for i in range(1, 41):
    f *= i
print(f)
print(len(str(2 ** 1000)))
print(pow(2, 100, 1000000007))
print(pow(3, 200, 10 ** 9 + 9))
print(pow(10, 20))
print(sum(int(c) for c in str(2 ** 500)))
x = 1
for _ in range(10):
    x = x * 1000 + 1
print(x)
print(10 ** 40 // 3)
print(int("9" * 50) + 1)
