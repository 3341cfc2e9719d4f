# Attribute loads, stores and method calls at one call site while classes, instances and modules
# change under it: whatever the eval loop caches must never outlive what it was true for.
import math


class A:
    kind = "a"

    def __init__(self, x):
        self.x = x

    def m(self):
        return "A.m"


class B(A):
    def m(self):
        return "B.m"


class C(A):
    pass


class D(B):
    pass



def read_x(o):
    return o.x


def read_kind(o):
    return o.kind


def call_m(o):
    return o.m()


def store_x(o, v):
    o.x = v


objs = [A(1), B(2), C(3), D(4)]
for _ in range(3):
    print([read_x(o) for o in objs], [call_m(o) for o in objs], [read_kind(o) for o in objs])

# A class value replaced by another plain value, then by a property, then deleted.
A.kind = "a2"
print([read_kind(o) for o in objs])
A.kind = property(lambda self: "prop-" + str(self.x))
print([read_kind(o) for o in objs])
del A.kind
for o in objs:
    try:
        print(read_kind(o))
    except AttributeError as e:
        print("AttributeError", e)

# A method replaced on the class, then shadowed by an instance attribute.
B.m = lambda self: "B.m2"
print([call_m(o) for o in objs])
objs[0].m = lambda: "instance m"
print([call_m(o) for o in objs])
del objs[0].m
print([call_m(o) for o in objs])

# A data descriptor added after stores were cached.
for o in objs:
    store_x(o, 10)
A.x = property(lambda self: "px", lambda self, v: print("setter", v))
for o in objs:
    store_x(o, 20)
print([read_x(o) for o in objs])
del A.x
print([read_x(o) for o in objs])

# Instances whose dicts were filled in different orders.
p = A(0)
q = A.__new__(A)
q.y = 1
q.x = 5
print(read_x(p), read_x(q))
del q.x
try:
    read_x(q)
except AttributeError as e:
    print("AttributeError", e)

# setattr with a computed name, then a plain load.
name = "".join(["x"])
setattr(p, name, 42)
print(read_x(p))

# More types at one site than any cache keeps.
classes = [type("K%d" % i, (A,), {}) for i in range(8)]
many = [k(i) for i, k in enumerate(classes)]
for _ in range(2):
    print(sum(read_x(o) for o in many), {call_m(o) for o in many})

# A class freed and another made in its place.
for i in range(5):
    T = type("T", (), {"v": i})
    print(T().v)

# __slots__ and the type epoch of a module attribute rebinding.
class S:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


s = S()
for _ in range(2):
    try:
        print(s.a, s.b)
    except AttributeError as e:
        print("AttributeError", e)
    s.b = 2


def sq(v):
    return math.sqrt(v)


print(sq(16.0))
math.sqrt = lambda v: "patched"
print(sq(16.0))
del math.sqrt
try:
    sq(16.0)
except AttributeError as e:
    print("AttributeError", e)

# __getitem__ raising for the caller's except, from a frame run in the same loop.
class Table:
    def __getitem__(self, key):
        if key > 2:
            raise KeyError(key)
        return key * 10


t = Table()
got = []
for k in range(5):
    try:
        got.append(t[k])
    except KeyError as e:
        got.append(("missing", e.args[0]))
print(got)
