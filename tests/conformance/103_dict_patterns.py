# dict patterns: tuple keys, counting, grouping, inverted index, re-insertion order
coords = {}
for x in range(3):
    for y in range(2):
        coords[x, y] = x * 10 + y
print(coords[(2, 1)], len(coords), (5, 5) in coords)
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
d["a"] = 4
d["b"] = 20
print(d, list(d)[0])
index = {}
docs = ["red fish", "blue fish", "red car"]
for i, doc in enumerate(docs):
    for word in doc.split():
        index.setdefault(word, []).append(i)
print(index)
print({k: v for k, v in sorted(index.items())})
nested = {"outer": {"inner": {"deep": 1}}}
nested["outer"]["inner"]["deep"] += 1
print(nested)
print(dict(sorted({"b": 1, "a": 2}.items())), {True: 1, 1: 2, 1.0: 3})
