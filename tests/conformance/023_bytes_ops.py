# bytes indexing, slicing, len, comparisons
b = b"Hello, bytes"
print(b, len(b))
print(b[0], b[-1], b[1] + 1)
print(b[:5], b[7:], b[::-1], b[::3])
print(type(b[0]).__name__, type(b[0:1]).__name__)
print(b"ab" + b"cd", b"xy" * 3)
print(b"abc" == b"abc", b"abc" < b"abd", b"" == b"")
print(b"ell" in b, b"zzz" in b)
total = 0
for byte in b"\x01\x02\x03":
    total += byte
print(total)
print(b.decode().upper())
print(b"a\tb", repr(b"it's"), repr(b'say "x"'))
