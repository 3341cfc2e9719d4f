# center, ljust, rjust, zfill
print("[" + "ab".center(6) + "]")
print("[" + "abc".center(6) + "]")
print("[" + "ab".center(7, "*") + "]")
print("[" + "left".ljust(8) + "]", "[" + "left".ljust(8, ".") + "]")
print("[" + "right".rjust(8) + "]", "[" + "right".rjust(8, "0") + "]")
print("[" + "toolong".center(3) + "]", "[" + "x".ljust(0) + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
for name, score in [("ann", 93), ("bartholomew", 7), ("cy", 100)]:
    print(name.ljust(12) + str(score).rjust(4))
