# WeakMethod and proxy.
import weakref


class Counter:
    def __init__(self):
        self.count = 0
        self.items = [1, 2, 3]

    def bump(self, by=1):
        self.count += by
        return self.count

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __iter__(self):
        return iter(self.items)

    def __add__(self, other):
        return "add %r" % (other,)

    def __call__(self, x):
        return x * 2

    def __str__(self):
        return "Counter(%d)" % self.count


c = Counter()
wm = weakref.WeakMethod(c.bump)
print(wm()(), wm()(5), c.count)
print(wm().__func__ is Counter.bump and wm().__self__ is c, isinstance(wm, weakref.ref),
      wm == weakref.WeakMethod(c.bump))
print(weakref.ref(c.bump)() is None)  # a plain ref to a bound method dies at once
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)
dead = []
wm2 = weakref.WeakMethod(c.bump, lambda r: dead.append(r is wm2))
del c
print(wm(), wm2(), dead)

# The function dying kills it too.
class Holder:
    pass
h = Holder()
def free(self):
    return "free"
Holder.free = free
wm3 = weakref.WeakMethod(h.free)
print(wm3()())
del Holder.free, free
print(wm3())

# Proxies.
c = Counter()
p = weakref.proxy(c)
print(p.count, p.bump(), p.bump(2), c.count)
p.count = 10
print(c.count, p.count, len(p), p[1], list(p), 2 in p, str(p), p + 1, 1 if p else 0)
p[0] = 99
print(c.items, p(21), type(p) is weakref.CallableProxyType)
del p.count
print(hasattr(c, "count"))
print(weakref.proxy(c) is p, weakref.getweakrefcount(c))
try:
    hash(p)
except TypeError:
    print("TypeError: proxies are unhashable")


class Plain:
    def __init__(self):
        self.v = 3

    def __eq__(self, other):
        return isinstance(other, Plain) and other.v == self.v

    def __lt__(self, other):
        return self.v < other.v

    __hash__ = object.__hash__


pl = Plain()
pp = weakref.proxy(pl)
print(type(pp) is weakref.ProxyType, pp == Plain(), pp < Plain(), pp.v * 2, type(pp).__name__)
print(repr(pp).startswith("<weakproxy at 0x"), " to Plain at 0x" in repr(pp))
died = []
pcb = weakref.proxy(pl, lambda prox: died.append(type(prox).__name__))
del pl
print(died)
for action in (lambda: pp.v, lambda: pp.__len__(), lambda: setattr(pp, "v", 1), lambda: pp == 1,
               lambda: str(pp)):
    try:
        action()
        print("no error")
    except ReferenceError as e:
        print("ReferenceError:", e)
print(" to NoneType at 0x" in repr(pp))
try:
    weakref.proxy(3)
except TypeError as e:
    print("TypeError:", e)
