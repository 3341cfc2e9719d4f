# functools: reduce, partial, lru_cache/cache statistics, wraps, cmp_to_key, total_ordering, cached_property, singledispatch.
import functools
import operator
print(functools.reduce(operator.add, [1, 2, 3]), functools.reduce(lambda a, b: a * b, [], 1))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print(e)
p = functools.partial(int, base=2); print(p("101"), p.func is int, p.args, p.keywords)
p2 = functools.partial(functools.partial(pow, 2), 5); print(p2(), p2.args)
@functools.lru_cache(maxsize=2)
def sq(x):
    print("compute", x)
    return x * x
print(sq(2), sq(2), sq(3), sq(4), sq(2), sq.cache_info())
sq.cache_clear(); print(sq.cache_info())
@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info().hits, fib.cache_info())
@functools.lru_cache
def ident(x): return x
print(ident(1), ident.cache_info())
def deco(f):
    @functools.wraps(f)
    def wrapper(*a):
        return f(*a)
    return wrapper
@deco
def hello():
    "doc of hello"
    return 1
print(hello.__name__, hello.__wrapped__.__name__)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(2) >= V(3), V(3) > V(1), V(1) >= V(1))
class CP:
    @functools.cached_property
    def val(self):
        print("computing")
        return 42
c = CP(); print(c.val, c.val)
@functools.singledispatch
def show(x): return "obj"
@show.register(int)
def _(x): return "int"
@show.register(list)
def _(x): return "list"
print(show(1), show([]), show("s"), show(True))
