# floor division and modulo with negative operands follow Python's rules
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3), (1, 10), (-1, 10)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
for a, b in pairs:
    q, r = divmod(a, b)
    assert q * b + r == a
print(-7.5 // 2, -7.5 % 2, 7.5 % -2)
print(divmod(-7.5, 2))
print(-1 % 3, -4 % 3, 5 % -3)
