# list slicing, slice assignment and deletion
a = list(range(10))
print(a[2:5], a[:3], a[-3:], a[::3], a[::-1], a[7:2:-2])
b = a[:]
b[0] = "changed"
print(a[0], b[0])
a[2:4] = ["x", "y", "z"]
print(a)
a[:3] = []
print(a)
del a[0]
print(a)
del a[::2]
print(a)
c = [1, 2, 3, 4, 5, 6]
c[::2] = [10, 30, 50]
print(c)
del c[1:3]
print(c)
print(c[10:20], c[-100:100])
