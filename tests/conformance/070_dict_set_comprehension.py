# dict and set comprehensions
print({x: x * x for x in range(5)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({x % 4 for x in range(20)})
print({n for n in [1, 2, 2, 3, 3, 3] if n > 1})
words = ["one", "three", "five", "seven"]
print({w: len(w) for w in words})
print({len(w) for w in words})
counts = {c: "mississippi".count(c) for c in "mississippi"}
print(counts)
print({(i, j): i * j for i in range(1, 3) for j in range(1, 3)})
