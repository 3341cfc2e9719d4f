a = 2 ** 100
b = -(3 ** 70)
print(a, b, a * b, a // b, a % b, divmod(a, 7), -a >> 3, a << 65)
print(a & b, a | 12345, a ^ b, ~a, abs(b), pow(a, 3, 1000000007), hex(a), bin(b)[:20])
print(int("123456789012345678901234567890"), str(a)[::-1], a == 2 ** 100, hash(2 ** 64) != 0)
x = 1
for i in range(1, 30):
    x *= i
print(x, x.bit_length() if hasattr(x, "bit_length") else 0, 9223372036854775807 + 1)
