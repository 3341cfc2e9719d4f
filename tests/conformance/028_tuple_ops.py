# tuples: creation, indexing, count/index, immutability of structure
t = (1, 2, 3, 2, 1)
print(t, len(t), t[0], t[-1], t[1:3], t[::-1])
print(t.count(2), t.count(9), t.index(3), t.index(1, 1))
single = (5,)
empty = ()
print(single, empty, len(single), len(empty))
print((1, 2) + (3,), (0,) * 3)
print(tuple([1, 2]), tuple("ab"), tuple())
x = 1, 2, 3
print(x, type(x).__name__)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (1, "a") == (1, "a"))
print(3 in t, 7 in t)
d = {(1, 2): "pair", (3,): "single"}
print(d[(1, 2)], d[3,])
