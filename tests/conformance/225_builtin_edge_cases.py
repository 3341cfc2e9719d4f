# callable, hash of user objects (and unhashable ones), getattr/setattr/delattr edge cases,
# issubclass and isinstance with tuples, __getattr__.
class Base:
    def hello(self):
        return "base"
class Derived(Base):
    def hello(self):
        return "derived"
d = Derived()
d.name = "X"
print(callable(len), callable(d), callable(Derived), callable(d.hello), callable(5))
class H:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, H) and o.v == self.v
    def __hash__(self):
        return hash(self.v)
print(hash(H(3)) == hash(3), len({H(1), H(1), H(2)}))
class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print(e)
plain = object()
print(hash(plain) == hash(plain))
print(getattr(d, "missing", "default"), hasattr(d, "name"))
try:
    getattr(d, "missing")
except AttributeError as e:
    print(e)
setattr(d, "dyn", 3)
print(d.dyn)
delattr(d, "dyn")
print(hasattr(d, "dyn"))
try:
    getattr(d, 5)
except TypeError as e:
    print(e)
print(issubclass(Derived, (int, Base)), issubclass(bool, int), isinstance(3, (str, int)))
print(super(Derived, d).hello())
class GA:
    def __getattr__(self, name):
        return name * 2
print(GA().abc, getattr(GA(), "xy"))
