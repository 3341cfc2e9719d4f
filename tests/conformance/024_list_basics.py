# list creation, indexing, assignment, concatenation
a = [1, 2, 3]
b = [4, 5]
print(a + b, a * 2, [] * 5, [0] * 3)
print(a[0], a[-1], len(a), len([]))
a[1] = 20
print(a)
a[-1] += 100
print(a)
nested = [[1, 2], [3, 4], []]
print(nested, nested[1][0], len(nested[2]))
nested[0][1] = "x"
print(nested)
print(list(range(5)), list("hey"), list((1, 2)))
m = [1, "two", 3.0, None, [5]]
print(m, repr(m))
print([1, 2] == [1, 2], [1, 2] != [2, 1])
c = a
c.append(7)
print(a, c is a)
print(max([3, 1, 4]), min([3, 1, 4]), sum([3, 1, 4]))
