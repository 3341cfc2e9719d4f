# repr() of strings: quote selection and escapes
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "new\nline", "tab\there", "back\\slash",
           "\r\x00\x1f\x7f", "caf\u00e9", "\u4e2d", "", " "]
for s in samples:
    print(repr(s))
print([("x", "y")], {"k'": "v\""})
print(repr(repr("a")))
print(str("a'b"), "%r" % "q\n")
