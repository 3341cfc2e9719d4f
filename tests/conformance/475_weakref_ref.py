# weakref.ref: liveness, callbacks and their order, hash/eq, reuse, counts, TypeErrors.
# expect-stderr: Exception ignored in: <function <lambda> at 0x
# expect-stderr: ZeroDivisionError: division by zero
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Node(%s)" % self.name


n = Node("a")
r = weakref.ref(n)
print(r() is n, r() is not None)
print(weakref.ref(n) is r)  # the callback-less ref is shared
print(weakref.getweakrefcount(n), weakref.getweakrefs(n) == [r])
del n
print(r(), r() is None)
print(weakref.getweakrefcount(Node("x")))

# A callback runs before the statement after `del`, with the dead reference.
log = []
m = Node("m")


def on_death(ref):
    print("callback: dead =", ref() is None, "same ref:", ref is r2)
    log.append("cb")


r2 = weakref.ref(m, on_death)
print(r2.__callback__ is on_death, r2 is not weakref.ref(m, on_death))
del m
print("after del", log)
print(r2.__callback__)

# Several callbacks: newest first, as CPython.
o = Node("o")
refs = [weakref.ref(o, lambda r, i=i: print("cb", i)) for i in range(3)]
plain = weakref.ref(o)
print(weakref.getweakrefcount(o), weakref.getweakrefs(o)[0] is plain)
o = None
print("after rebinding")

# A weak reference that dies first never calls back.
p = Node("p")
rp = weakref.ref(p, lambda r: print("never"))
del rp
del p
print("no callback")

# In a function: locals die on `del` and on return.
def scope():
    local = Node("local")
    w = weakref.ref(local, lambda r: print("local died"))
    del local
    print("in scope, alive:", w() is not None)
    x = Node("x")
    return weakref.ref(x, lambda r: print("x died at return"))

w = scope()
print("returned, alive:", w() is not None)

# hash and ==
a, b = Node("a"), Node("b")
ra, rb = weakref.ref(a), weakref.ref(b)
print(hash(ra) == hash(a), ra == weakref.ref(a), ra != rb, ra == rb)
t1, t2 = (1, 2), (1, 2)
class Eq:
    def __eq__(self, other):
        return isinstance(other, Eq)
    __hash__ = object.__hash__
e1, e2 = Eq(), Eq()
print(weakref.ref(e1) == weakref.ref(e2))  # the referents compare equal
h = hash(ra)
del a
print(hash(ra) == h, ra == ra, ra == rb, ra != rb)
del b
try:
    hash(rb)
    print("hashed")
except TypeError as err:
    print("TypeError:", err)
dead1, dead2 = ra, rb
print(dead1 == dead2, dead1 == dead1)
print(ra == 5, ra != "x")
try:
    ra < rb
except TypeError:
    print("TypeError: no ordering")

# What can be weakly referenced.
class Slotted:
    __slots__ = ("x",)
class SlottedWeak:
    __slots__ = ("x", "__weakref__")
class SlottedChild(Slotted):
    pass
class L(list):
    pass
class D(dict):
    pass
class I(int):
    pass
class T(tuple):
    pass
def gen():
    yield 1
import math
ok = [Node("n"), Node, len, Node.__init__, Node("m").__init__, {1}, frozenset(), gen(), math,
      SlottedWeak(), SlottedChild(), L(), D(), lambda: 0, int]
keep = list(ok)
for v in ok:
    r = weakref.ref(v)
    print(type(v).__name__, r() is v)
for v in [1, 2.5, True, None, "s", b"b", (1,), [1], {1: 2}, object(), range(3), Slotted(),
          I(3), T(), ValueError(), weakref.ref(Node)]:
    try:
        weakref.ref(v)
        print("made", type(v).__name__)
    except TypeError as err:
        print("TypeError:", err)
try:
    weakref.ref()
except TypeError as err:
    print("TypeError: no argument")

# reprs, without addresses
q = Node("q")
text = repr(weakref.ref(q))
print(text.startswith("<weakref at 0x"), "; to 'Node' at 0x" in text, text.endswith(">"))
def named():
    pass
print(repr(weakref.ref(named)).endswith(" (named)>"))
rq = weakref.ref(q)
del q
print(repr(rq).endswith("; dead>"))
print(type(rq).__name__, weakref.ref is weakref.ReferenceType, isinstance(rq, weakref.ref))

# An exception in a callback is reported on stderr, not raised.
z = Node("z")
rz = weakref.ref(z, lambda r: 1 / 0)
del z
print("survived the failing callback")

# Subclasses of ref.
class Tagged(weakref.ref):
    def __init__(self, obj, callback=None, tag=None):
        super().__init__(obj, callback)
        self.tag = tag
tgt = Node("t")
tr = Tagged(tgt, None, tag="hello")
print(tr.tag, tr() is tgt, isinstance(tr, weakref.ref), tr is not weakref.ref(tgt))
print(weakref.getweakrefcount(tgt))
del tgt
print(tr(), tr.tag)
