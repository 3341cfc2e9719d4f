# int.bit_length/bit_count/to_bytes/from_bytes/as_integer_ratio and float.is_integer/
# as_integer_ratio/hex/fromhex, with CPython's defaults and errors.
for n in [0, 1, -1, 255, 256, -256, 2**64, -2**100 + 1, True]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.conjugate())
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print((255).to_bytes(), (0).to_bytes(0, "big"), (2**70).to_bytes(10, byteorder="little"))
print((-129).to_bytes(2, "little", signed=True), (127).to_bytes(1, "big", signed=True))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"),
      int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff"),
      int.from_bytes([1, 2, 3], "big"), int.from_bytes(b"", "big"),
      int.from_bytes(bytes=b"\x81", byteorder="little", signed=True))
print(int.from_bytes((2**200 - 7).to_bytes(30, "big"), "big") == 2**200 - 7, (5).from_bytes(b"\x05", "big"))
for bad in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"),
            lambda: (128).to_bytes(1, "big", signed=True), lambda: (1).to_bytes(1, "middle"),
            lambda: (1).to_bytes(-1, "big"), lambda: int.from_bytes("ab", "big"),
            lambda: int.from_bytes([256], "big")]:
    try:
        print(bad())
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

for x in [0.0, -0.0, 1.0, 3.0, 0.5, -2.5, 0.1, 1e300, 5e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, 123.456]:
    print(repr(x), x.hex(), float.fromhex(x.hex()) == x, x.is_integer(), x.as_integer_ratio())
print(float.fromhex("0x1.8p1"), float.fromhex("  -0X1P-2 "), float.fromhex("inf"),
      float.fromhex("-Infinity"), float.fromhex("nan"), float.fromhex("1"), float.fromhex("a.b"),
      float.fromhex("0x.8"), float.fromhex("0x1.00000000000008p0"), float.fromhex("0x1.00000000000018p0"))
for bad in ["", "0x", "x1", "1p", "0x1.8p1.5", "g", "0x1p99999"]:
    try:
        print(float.fromhex(bad))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for bad in [lambda: float("inf").as_integer_ratio(), lambda: float("nan").as_integer_ratio()]:
    try:
        print(bad())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(float("inf").hex(), float("-inf").hex(), float("nan").is_integer(), (2.0).conjugate())
