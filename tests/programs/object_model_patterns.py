"""Object-model patterns of tutorials: a thread-safe singleton through __new__, tuple, str and
int subclasses with __new__, metaclasses that add attributes and register classes, __slots__
inheritance."""
import threading
class Singleton:
    _instance = None
    _lock = threading.Lock()
    def __new__(cls, *args, **kwargs):
        with cls._lock:
            if cls._instance is None:
                cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, value=0):
        self.value = value
a = Singleton(1); b = Singleton(2)
print(a is b, a.value)
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
p = Point(3, 4); print(p, p.x, len(p), isinstance(p, tuple))
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        inst.created = True
        return inst
class Thing(metaclass=Meta):
    def __init__(self, n): self.n = n
t = Thing(5); print(Thing.tag, t.n, t.created, type(Thing).__name__)
class Upper(str):
    def __new__(cls, s): return super().__new__(cls, s.upper())
print(Upper("abc"), Upper("x") + "y", type(Upper("q")).__name__)
class Pos(int):
    def __new__(cls, v):
        if v < 0: raise ValueError("negative")
        return super().__new__(cls, v)
print(Pos(5) + 1, repr(Pos(3)))
class Base:
    __slots__ = ("a",)
class Child(Base):
    __slots__ = ("b",)
c = Child(); c.a = 1; c.b = 2; print(c.a, c.b, hasattr(c, "__dict__"))
class WithNew:
    def __new__(cls):
        obj = object.__new__(cls); obj.made = "new"; return obj
print(WithNew().made)
class Reg(type):
    registry = {}
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns); Reg.registry[name] = cls
class P1(metaclass=Reg): pass
class P2(P1): pass
print(sorted(Reg.registry))
