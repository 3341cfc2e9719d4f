# arbitrary precision integer arithmetic
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b)
print(b - a)
print(a - b)
print(a * b)
print(b // a, b % a)
print(-b // a, -b % a)
print(b // -7, b % -7)
print(divmod(a * b, 1000000007))
big = 2 ** 64
print(big, big - 1, big + 1, -big)
print(big * big)
print((big * big) // big == big)
print(9223372036854775807 + 1)
print(-9223372036854775808 - 1)
print(9223372036854775807 * 9223372036854775807)
print(abs(-10 ** 30))
print(10 ** 30 > 10 ** 29, -10 ** 30 < 5)
print(big == 18446744073709551616, big != big + 0)
print(1234567890123456789012345678901234567890 % 97)
