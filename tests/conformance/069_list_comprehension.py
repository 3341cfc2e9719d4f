# list comprehensions
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0])
print([x if x % 2 else -x for x in range(6)])
print([c.upper() for c in "abc" if c != "b"])
print([(i, j) for i in range(3) for j in range(i)])
print([x for x in range(30) if x % 2 if x % 3])
words = ["apple", "bob", "kayak", "tree"]
print([w for w in words if w == w[::-1]])
print([len(w) for w in words])
x = "outer"
print([x for x in range(3)], x)
print([[0] * 2 for _ in range(3)])
print([k + "=" + str(v) for k, v in {"a": 1, "b": 2}.items()])
print([i * j for i, j in zip([1, 2, 3], [4, 5, 6])])
