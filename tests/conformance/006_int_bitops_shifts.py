# bitwise operators and shifts on small ints
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a)
print(1 << 10, 1024 >> 3, -16 >> 2, -1 >> 10)
print(0xff, 0o17, 0b101)
print(-5 & 3, -5 | 3, -5 ^ 3, ~-1, ~0)
print(255 & -256, 7 >> 1 << 1)
x = 1
x <<= 4
x |= 3
x &= 0b10110
x ^= 1
x >>= 1
print(x)
print(1 + 2 << 3, 1 | 2 ^ 3 & 4)
print(True & False, True | False, True ^ True)
