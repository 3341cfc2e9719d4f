# sets of small ints: operators
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(len(a), 3 in a, 7 in a, 7 not in a)
print(sorted(a | b), set(), len(set()))
print({1, 2} == {2, 1}, {1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2, 3} > {1})
print(set([3, 1, 3, 2, 1]), set(range(5)), set((4, 4, 4)))
c = {x % 3 for x in range(10)}
print(c)
d = set(a)
d |= {10}
d &= {1, 2, 10}
d -= {2}
print(d)
print(sorted(set("mississippi")))
print(len(set("mississippi")))
