# isdigit, isalpha, isspace
tests = ["123", "12a", "abc", "ABCdef", "", " ", " \t\n", "a b", "0", "\u00e9t\u00e9", "3.14", "-5"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isspace())
total = 0
for tok in "10 apples and 20 pears 5".split():
    if tok.isdigit():
        total += int(tok)
print(total)
