# sorted() and reversed()
data = [5, 3, 8, 1]
print(sorted(data), data)
print(sorted(data, reverse=True))
print(sorted("Banana"), sorted(("z", "a")), sorted({3: "c", 1: "a"}.items()))
print(sorted(["bb", "a", "ccc"], key=len, reverse=True))
recs = [{"n": "x", "a": 3}, {"n": "y", "a": 1}, {"n": "z", "a": 2}]
print([r["n"] for r in sorted(recs, key=lambda r: r["a"])])
print(list(reversed(data)), list(reversed("abc")), list(reversed((1, 2, 3))))
print(list(reversed([])), "".join(reversed("stressed")))
for i in reversed(range(3)):
    print("rev", i)
print(sorted([(1, "b"), (1, "a"), (0, "z")], key=lambda t: t[0]))
