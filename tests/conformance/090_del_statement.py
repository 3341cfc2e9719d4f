# del on names, list items, slices, dict keys, attributes
x = 10
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
class Obj:
    pass
o = Obj()
o.attr = 5
print(hasattr(o, "attr"))
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
y = [1, 2]
z = y
del y
print(z)
