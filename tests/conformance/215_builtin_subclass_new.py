# Subclasses of immutable built-ins (tuple, str, frozenset, bytes) through __new__, and
# user __new__: object.__new__, a __new__ returning another object, excess arguments.
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
p = Pair(1, 2)
print(p, p.first, len(p), isinstance(p, tuple), p + (3,), hash(p) == hash((1, 2)))

class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n, n.shout(), len(n), n + "x", n == "bob", isinstance(n, str), repr(n), f"{n}")

class Frozen(frozenset):
    pass
print(sorted(Frozen([3, 1])))

class Blob(bytes):
    pass
print(Blob(b"ab"), len(Blob(b"ab")))

class Plain(object):
    def __init__(self):
        super().__init__()
        self.v = 1
print(Plain().v)

class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print(e)

class Made:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        self = super().__new__(cls)
        self.made = True
        return self
    def __init__(self, x):
        self.x = x
m = Made(7)
print(m.made, m.x)

class Other:
    def __new__(cls):
        return 42
print(Other())

