l = [3, 1, 2]
l.append(5); l.extend([0, -1]); l.insert(0, 9); l.sort(key=lambda v: -v); l.reverse()
t = tuple(l) + (1,)
d = {"a": 1, "b": [1, 2]}
d.setdefault("c", {}); d.update(e=5); del d["a"]
s = {1, 2, 3} | {4} - {1}
print(l, t[1:-1:2], d, d.get("zz", 0), s & {2, 4}, frozenset([1, 1]), l.pop(), l.index(3))
a, *rest, b = range(6)
(x, y), z = (1, 2), 3
print(a, rest, b, x, y, z, list(reversed(t)), sorted(d.items()), [1, 2] * 3, "ab" in "cabd")
