# strip / lstrip / rstrip
s = "   padded text \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("abcHELLOcba".strip("abc"))
print(repr("".strip()), repr("   ".strip()))
print("www.example.com".strip("w.com"))
print("0001200".lstrip("0"), "0001200".rstrip("0"))
lines = ["  a ", "b  ", "  c"]
print([l.strip() for l in lines])
