# str.encode and bytes.decode
s = "caf\u00e9"
b = s.encode()
print(b, len(s), len(b))
print(b.decode(), b.decode() == s)
print("abc".encode("utf-8"), "".encode())
e = "\u4e2d\u6587".encode("utf-8")
print(e, len(e), e.decode("utf-8"))
print(b"hello".decode("ascii"))
print(list("AZ".encode()))
print(repr(b"\x00\x7f\xff\n"))
