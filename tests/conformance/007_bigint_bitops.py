# bit operations on big integers, including negative ones
x = 2 ** 100 + 12345
y = 2 ** 90 - 1
print(x & y)
print(x | y)
print(x ^ y)
print(~x)
print(-x & y)
print(-x | 255)
print(x >> 50, x >> 200, -x >> 50)
print(1 << 130)
print((1 << 130) >> 129)
print(-(1 << 100) >> 1)
print((2 ** 128 - 1) & 0xFFFF)
print(-(2 ** 70) ^ (2 ** 69))
n = 2 ** 200 - 1
count = 0
while n:
    count += n & 1
    n >>= 1
print(count)
