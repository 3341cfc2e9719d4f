# Small gaps real programs hit: docstrings (functions, methods, classes, the module; functools.wraps
# copies them), reversed() of a dict and its views, SystemExit.code, sys.exc_info() and
# sys.exception(), bytes.find/rfind/index/rindex/count with start and end.
"""Module doc."""
import sys
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
d["z"] = 9
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
it = reversed(d)
next(it)
d["q"] = 1
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
print(list(reversed({})))
print(SystemExit().code, SystemExit(3).code, SystemExit("msg").code, SystemExit(1, 2).code)
try:
    sys.exit(4)
except SystemExit as e:
    print("exit code", e.code)
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is None or True, repr(sys.exception()))
    try:
        raise ValueError(1)
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info()[0])
b = b"abcabcab"
print(b.find(b"a", 1), b.find(b"c", 1, 3), b.find(97, 4), b.rfind(b"ab"), b.rfind(b"ab", 0, 5), b.index(b"c"), b.rindex(b"c"), b.count(b"ab"), b.count(b"ab", 1), b.find(b"", 3), b.count(b""), b.find(b"a", 10))
for bad in ['b.find("a")', 'b.index(b"x")', 'b.find(300)', 'b.rindex(b"zz", 2)']:
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

def f():
    "f doc"
    return 1
def g():
    x = "not a doc"
    return x
def h():
    f"not {1}"
class A:
    """A doc."""
    def m(self):
        '''m doc'''
class B(A):
    pass
print(__doc__, f.__doc__, g.__doc__, h.__doc__, A.__doc__, B.__doc__, A().__doc__, B().__doc__, A.m.__doc__, A().m.__doc__)
import functools
def deco(fn):
    @functools.wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner
print(deco(f).__doc__, deco(f)(), "__doc__" in A.__dict__, "__doc__" in B.__dict__)
f.__doc__ = "changed"
print(f.__doc__, (lambda: 0).__doc__)
