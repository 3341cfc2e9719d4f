# object.__setattr__/__getattribute__/__delattr__ and the class hooks that call them; a
# metaclass's __setattr__ (enum refuses to reassign a member); str mixin enums; str.format_map;
# int and float's real/imag/numerator/denominator.
class P:
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v * 2)
    def __delattr__(self, k):
        print("del", k)
        object.__delattr__(self, k)
p = P(); p.x = 2; print(p.x); del p.x; print(hasattr(p, "x"))
class Q(P):
    def __setattr__(self, k, v):
        super().__setattr__(k, v + 1)
q = Q(); q.y = 1; print(q.y)
class G:
    def __init__(self): self.a = 1
    def __getattr__(self, n): return "missing:" + n
g = G(); print(g.a, g.b, object.__getattribute__(g, "a"))
try:
    object.__getattribute__(g, "zz")
except AttributeError as e:
    print("AttributeError", e)
try:
    object.__setattr__(g, 3, 4)
except TypeError as e:
    print(e)
import enum
class Color(enum.Enum):
    RED = 1
try:
    Color.RED = 2
except AttributeError as e:
    print(e)
class S(str, enum.Enum):
    X = "x"
print(S.X == "x", S.X.value, repr(S.X))
import dataclasses
@dataclasses.dataclass(frozen=True)
class F:
    a: int
f = F(1)
try:
    f.a = 2
except dataclasses.FrozenInstanceError as e:
    print("frozen", e)
import threading
loc = threading.local(); loc.v = 1; del loc.v; print(hasattr(loc, "v"))
import io
print(isinstance(io.StringIO(), io.TextIOBase))
print('{a}-{b}'.format_map({'a': 1, 'b': 2}))
class D(dict):
    def __missing__(self, k): return "<" + k + ">"
print("{a} {b} {c.real} {d[0]}".format_map(D(a=1, c=2j if False else 3, d=[9])))
try:
    "{0}".format_map({})
except Exception as e:
    print(type(e).__name__, e)
try:
    "{x}".format_map({})
except KeyError as e:
    print("KeyError", e)
print((3).numerator, (3).denominator)
print((1.5).real, (1.5).imag)
print((3).imag)
print((3).conjugate())
print((True).real)
