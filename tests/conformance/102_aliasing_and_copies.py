# reference semantics: aliasing, shallow copies
a = [1, [2, 3]]
b = a
c = a[:]
d = list(a)
e = a.copy()
a[0] = 100
a[1].append(4)
print(a, b, c, d, e)
print(b is a, c is a, c[1] is a[1])
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 2 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
def mutate(lst):
    lst.append("m")
def rebind(lst):
    lst = ["new"]
    return lst
x = []
mutate(x)
rebind(x)
print(x)
d1 = {"k": [1]}
d2 = d1.copy()
d2["k"].append(2)
d2["j"] = 0
print(d1, d2)
