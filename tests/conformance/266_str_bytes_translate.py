# str.maketrans/translate (dicts, sequences, mappings raising LookupError, non-ASCII) and
# bytes.maketrans/translate (256-byte tables, None, delete).
table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()), "abcdabcd".translate(table))
print("hello".translate({ord("l"): "L!", ord("o"): None, 104: 72}))
print(str.maketrans({"a": "b", 98: None}), "héllo wörld".translate(str.maketrans("éö", "eo")))


class Upper:
    def __getitem__(self, code):
        if code > 127:
            raise LookupError(code)
        return chr(code).upper()


print("abc é".translate(Upper()), "abc".translate([None] * 98 + ["B"]))
rot13 = str.maketrans("abcdefghijklmnopqrstuvwxyz", "nopqrstuvwxyzabcdefghijklm")
print("gilsim makes the gil visible".translate(rot13))
for bad in [lambda: str.maketrans("ab", "a"), lambda: str.maketrans({"ab": 1}),
            lambda: str.maketrans({1.5: 1}), lambda: str.maketrans([1]),
            lambda: "a".translate({97: 1.5}), lambda: bytes.maketrans(b"a", b"bc"),
            lambda: b"a".translate(b"x")]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
bt = bytes.maketrans(b"abc", b"ABC")
print(len(bt), bt[97:100], b"aabbccdd".translate(bt), b"aabbccdd".translate(bt, b"d"))
print(b"hello".translate(None, b"l"), b"hello".translate(None, delete=b"h"))
