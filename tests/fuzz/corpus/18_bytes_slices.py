b = bytes([104, 105]) + b"\x01\x02"
ba = b * 2
print(b, ba[1:3], ba[-1], b.decode("utf-8", "replace") if False else b[:2].decode(), len(ba), b.upper())
s = "abcdefghij"
print(s[2:8:3], s[-3:], s[:-100], s[::-2], s[slice(1, 4)], list(range(10))[8:2:-2], range(0, 20, 3)[2])
