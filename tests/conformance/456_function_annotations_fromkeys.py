# Function annotations in __annotations__ (evaluated at def time), typing.get_type_hints, dict.fromkeys.
import typing, dataclasses
def f(a: int, b: "str" = "x", *args: float, c: list[int] = None, **kw: dict) -> bool:
    return True
print(f.__annotations__)
print(f.__kwdefaults__, f.__defaults__)
def g(x, y=1):
    pass
print(g.__annotations__, g.__kwdefaults__)
g.__annotations__ = {"x": int}
print(g.__annotations__)
def outer():
    T = int
    def mid():
        def inner(x: T) -> T:
            return x
        return inner
    return mid()
print(outer().__annotations__)
class C:
    def m(self, n: int) -> "C":
        return self
print(C.m.__annotations__, typing.get_type_hints(f) if hasattr(typing, "get_type_hints") else None)
import functools
@functools.singledispatch
def show(x):
    return "obj"
@show.register
def _(x: int):
    return "int"
@show.register
def _(x: str):
    return "str"
print(show(1), show("a"), show(1.5))
g.__defaults__ = (5,)
print(g.__defaults__)
@dataclasses.dataclass
class P:
    x: int
    y: "list[str]" = None
class Q(P):
    z: typing.Optional[float] = None
print(typing.get_type_hints(P), typing.get_type_hints(Q))
print(dict.fromkeys("ab"), dict.fromkeys([1,2], 0), {}.fromkeys("x", 1))
import collections
class D(dict): pass
d = D.fromkeys("ab"); print(type(d).__name__, d, collections.OrderedDict.fromkeys("xy"))
