# iterating over strings and common text-processing patterns
text = "Hello, World! 123"
letters = digits = spaces = other = 0
for ch in text:
    if ch.isalpha():
        letters += 1
    elif ch.isdigit():
        digits += 1
    elif ch.isspace():
        spaces += 1
    else:
        other += 1
print(letters, digits, spaces, other)
freq = {}
for ch in "abracadabra":
    freq[ch] = freq.get(ch, 0) + 1
print(freq)
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
def caesar(s, k):
    out = ""
    alpha = "abcdefghijklmnopqrstuvwxyz"
    for ch in s:
        if ch in alpha:
            out += alpha[(alpha.index(ch) + k) % 26]
        else:
            out += ch
    return out
enc = caesar("hello world", 3)
print(enc, caesar(enc, -3))
print([w for w in "The quick brown fox".lower().split() if "o" in w])
print("".join(ch for ch in "a1b2c3" if not ch.isdigit()))
