# str.istitle, str.expandtabs, str.isascii.
print("Hello World".istitle(), "Hello world".istitle(), "HeLLo".istitle(), "A1 B".istitle(), "".istitle(), "ǅungla".istitle())
print("a\tbc\td\n\tx".expandtabs(), "a\tb".expandtabs(0), "a\tb".expandtabs(tabsize=3))
print("abc".isascii(), "é".isascii(), "".isascii(), "a\x7f".isascii())
try:
    "a".expandtabs(1, 2)
except TypeError as e:
    print(e)
print("x".center(7, "*"), "42".zfill(5), "a\tb".expandtabs(4), "Hello World".swapcase(), "ab".ljust(4, ".") + "|")
print("{:^10}|{:+.2e}|{:08.3f}|{:,d}|{:x}|{!r}".format("mid", 12345.678, 3.14159, 10**6, 255, "s"))
