# set methods
s = {5, 1}
s.add(3)
s.add(1)
print(s)
s.discard(5)
s.discard(99)
print(s)
s.remove(3)
print(s)
a = {1, 2, 3}
b = {2, 3, 4}
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7, 8]), a.intersection(range(3)))
print({1, 2}.issubset(a), {1, 5}.issubset(a), a.issubset(a))
seen = set()
dups = []
for n in [4, 1, 4, 2, 1, 4]:
    if n in seen:
        dups.append(n)
    else:
        seen.add(n)
print(seen, dups)
print(sum({1, 2, 3}), max({4, 9, 2}), min({4, 9, 2}))
