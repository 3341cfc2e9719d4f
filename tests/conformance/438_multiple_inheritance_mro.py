# Multiple inheritance: C3 method resolution order, cooperative super(), mixins over built-in
# types and exceptions, layout conflicts and inconsistent orders refused as CPython refuses them.
class A:
    def who(self): return "A"
    def hello(self): return "A.hello"
class B(A):
    def who(self): return "B>" + super().who()
class C(A):
    def who(self): return "C>" + super().who()
    def hello(self): return "C.hello"
class D(B, C):
    def who(self): return "D>" + super().who()
print([k.__name__ for k in D.__mro__])
print(D().who(), D().hello())
print(D.__bases__, D.__base__)
print(isinstance(D(), C), issubclass(D, C), issubclass(C, D))
class Mixin:
    def describe(self): return f"{type(self).__name__}: {self!r}"
class MyList(Mixin, list): pass
m = MyList([1, 2]); m.append(3)
print(m.describe(), len(m))
class MyErr(ValueError, Mixin): pass
try:
    raise MyErr("bad")
except ValueError as e:
    print(e.describe(), isinstance(e, MyErr))
try:
    class X(A, D): pass
except TypeError as e:
    print(e)
try:
    class Y(A, A): pass
except TypeError as e:
    print(e)
try:
    class Z(list, dict): pass
except TypeError as e:
    print(e)
class P:
    __slots__ = ("x",)
class Q:
    __slots__ = ("y",)
try:
    class PQ(P, Q): pass
except TypeError as e:
    print(e)
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        super().__init_subclass__()
class Other: pass
class Kid(Other, Base, tag=1): pass
class Cooperative:
    def __init__(self, **kw):
        print("Cooperative", sorted(kw))
class Named(Cooperative):
    def __init__(self, name, **kw):
        self.name = name
        super().__init__(**kw)
class Aged(Cooperative):
    def __init__(self, age, **kw):
        self.age = age
        super().__init__(**kw)
class Person(Named, Aged):
    pass
p = Person(name="x", age=3, extra=1)
print(p.name, p.age, [c.__name__ for c in Person.mro()] if hasattr(Person, "mro") else None)
print(sorted(n for n in dir(D()) if not n.startswith("__")))
import io
import collections.abc as abc
print(issubclass(io.UnsupportedOperation, ValueError), issubclass(io.UnsupportedOperation, OSError))
print(isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.StringIO(), io.TextIOBase))
print([k.__name__ for k in abc.Collection.__mro__])
print(isinstance([], abc.Collection), issubclass(abc.Collection, abc.Iterable))
