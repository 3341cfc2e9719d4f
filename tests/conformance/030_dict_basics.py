# dict creation, lookup, assignment, deletion, insertion order
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d))
print(d["a"], "a" in d, "z" in d, "z" not in d)
del d["a"]
print(d)
d["a"] = 100
print(list(d), list(d.keys()))
e = dict(x=1, y=2)
print(e, dict([("k", "v"), ("n", 0)]), dict())
print({1: "int", 1.5: "float", (1, 2): "tuple", None: "none", True: "bool"})
m = {}
for word in "the cat the dog the end".split():
    m[word] = m.get(word, 0) + 1
print(m)
print({"a": [1, 2], "b": {"c": 3}})
print({1: 1} == {1: 1.0}, {1: 2, 3: 4} == {3: 4, 1: 2})
