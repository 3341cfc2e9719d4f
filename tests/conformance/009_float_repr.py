# shortest round-trip float repr and str
vals = [0.0, 1.0, -1.0, 0.5, 0.1, 1 / 3, 2 / 3, 100.0, 1e16, 1.0e15, 12345678901234567.0,
        1e-4, 1e-5, 0.00012, 3.141592653589793, 2.718281828459045, 1.7976931348623157e308,
        5e-324, 123.456, 1e100, -2.5e-10]
for v in vals:
    print(v, repr(v), str(v))
print([1.5, 0.25, -0.0])
print((1.0,))
print(float("inf"), float("-inf"))
