"""Roman numerals both ways for every number up to 3999, with validation of bad numerals by a
regular expression, and string formatting of a table."""

import re

NUMERALS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
VALID = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def to_roman(n):
    if not 0 < n < 4000:
        raise ValueError("out of range: %d" % n)
    out = []
    for value, letters in NUMERALS:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(text):
    if not text or not VALID.match(text):
        raise ValueError("not a roman numeral: %r" % text)
    total = 0
    i = 0
    for value, letters in NUMERALS:
        while text.startswith(letters, i):
            total += value
            i += len(letters)
    return total


assert all(from_roman(to_roman(n)) == n for n in range(1, 4000))
longest = max(range(1, 4000), key=lambda n: len(to_roman(n)))
print("round trip ok; longest:", longest, to_roman(longest))
for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999):
    print("{:>5} {:<12} {}".format(n, to_roman(n), from_roman(to_roman(n))))
for bad in ("IIII", "VX", "", "MMMM", "IC"):
    try:
        from_roman(bad)
    except ValueError as e:
        print(e)
