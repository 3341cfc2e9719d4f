s = "  Hello, World\t\n"
print(s.strip().lower().split(", "), s.replace("l", "L", 2), s.find("W"), "-".join(["a", "b"]))
print("abc".center(9, "*"), "x".zfill(5), "a,b,,c".split(","), "Ab".swapcase(), "é€😀", len("é€😀"))
print(b"bytes\x00\xff".hex() if hasattr(b"", "hex") else "", "caf\u00e9".encode("utf-8"), repr("q'\"\\"))
print("line1\nline2".splitlines(), "a=b".partition("="), "abc"[::-1], ord("A"), chr(0x263a), ascii("ü"))
