# __slots__ is enforced: no instance __dict__, undeclared attributes rejected, unset slots missing,
# member descriptors on the class, subclasses adding slots, "__dict__" in __slots__.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x

p = Point(1)
p.y = 2
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(p.__dict__)
except AttributeError as e:
    print("AttributeError:", e)
del p.y
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
print(type(Point.x).__name__, hasattr(p, "y"), hasattr(p, "x"))

class Point3(Point):
    __slots__ = "z"
q = Point3(5)
q.z = 6
print(q.x, q.z)
try:
    q.w = 1
except AttributeError as e:
    print("AttributeError:", e)

class Loose(Point):
    pass
l = Loose(1)
l.anything = 2
print(l.anything, l.__dict__)

class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)

try:
    class Clash:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError:", e)
