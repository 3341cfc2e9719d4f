# string slicing with steps and negative indices
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2])
print(s[8:2:-1], s[-1:-4:-1], s[2:8:3])
print(s[100:], s[-100:3], s[5:2], repr(s[5:2]))
print(s[3:-3], s[-8:-2:2])
i, j = 1, 4
print(s[i:j], s[i:], s[:j])
print("racecar"[::-1] == "racecar")
words = ["alpha", "beta", "gamma"]
print([w[:2] for w in words])
print(s[len(s) - 1], s[-len(s)])
