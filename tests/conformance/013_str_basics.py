# string literals, concatenation, repetition, indexing
s = "hello"
t = 'world'
print(s + " " + t)
print(s * 3, "-" * 10, 0 * "x" == "")
print(len(s), len(""), len("caf\u00e9"))
print(s[0], s[-1], s[1], s[-2])
print("a" "b" "c")
print("""triple
quoted""")
print('it\'s', "say \"hi\"", 'mixed "quotes"')
print("tab:\tend", "nl-escape:\\n")
print(r"raw\nstring")
print("\x41\u00e9\u4e2d")
print(str(123) + str(4.5) + str(None) + str([1, 'a']))
u = "na\u00efve caf\u00e9"
print(u, len(u), u[2], u.upper())
print("abc" == "abc", "abc" != "abd")
count = 0
for ch in "banana":
    if ch == "a":
        count += 1
print(count)
print(list("abc"), "".join(["x", "y"]))
