# str.encode, bytes.decode and str(bytes, ...) with utf-8, ascii and latin-1 (CPython's names and
# aliases), the strict, replace and ignore handlers, CPython's codec errors (looked up lazily).
s = "caf\u00e9 \u20ac"
print(s.encode(), s.encode("utf-8"), s.encode("UTF_8"), "abc".encode("ascii"))
print("caf\u00e9".encode("latin-1"), "caf\u00e9".encode(encoding="Latin1"))
for enc, err in [("ascii", "strict"), ("latin-1", "strict"), ("ascii", "replace"), ("ascii", "ignore"), ("latin-1", "replace")]:
    try:
        print(enc, err, s.encode(enc, err))
    except UnicodeEncodeError as e:
        print(enc, err, "UnicodeEncodeError", e)
b = "caf\u00e9".encode("latin-1")
print(b.decode("latin-1"), b.decode("latin-1") == "caf\u00e9")
for enc, err in [("utf-8", "strict"), ("ascii", "strict"), ("utf-8", "replace"), ("ascii", "ignore"), ("utf-8", "ignore")]:
    try:
        print(enc, err, repr(b.decode(enc, err)))
    except UnicodeDecodeError as e:
        print(enc, err, "UnicodeDecodeError", e)
print(str(b, "latin-1"), str(b"abc", encoding="ascii"), str(b"x\xff", "utf-8", "replace"), str(object=b"q", encoding="utf-8"))
print("\u00e9".encode().decode(), b"\xc3\xa9abc\xff".decode("utf-8", "replace"))
for bad in ['"x".encode("utf-9")', 'b"x".decode("ascii", "bogus")', '"x".encode(5)']:
    try:
        eval(bad)
    except (LookupError, TypeError) as e:
        print(type(e).__name__, str(e).split(" (gilsim")[0])
