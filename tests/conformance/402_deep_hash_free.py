# Deep data that CPython handles without a recursion limit: hashing nested tuples and frozensets
# (no limit in CPython either), deep tuples as set members and dict keys, and freeing structures
# nested 1,000,000 deep (released iteratively, never on the C++ stack). Past what the C++ stack
# holds gilsim raises RecursionError where CPython crashes: checked only under gilsim.
import sys


def nest_tuple(n):
    x = ()
    for _ in range(n):
        x = (x,)
    return x


t = nest_tuple(20000)
u = nest_tuple(20000)
print(hash(t) == hash(u), hash(t) == hash(nest_tuple(19999)))
s = {t}
print(len(s), t in s)
d = {t: "deep"}
print(d[t])
f = frozenset()
for _ in range(20000):
    f = frozenset([f])
print(hash(f) == hash(f), len({f, f}))

# Freeing: lists, tuples, dicts, sets of frozensets, user objects, dropped in one go.
class Link:
    pass


def chains():
    x = []
    for _ in range(1000000):
        x = [x]
    yield "list", x
    x = ()
    for _ in range(1000000):
        x = (x, 1)
    yield "tuple", x
    x = {}
    for _ in range(300000):
        x = {"k": x}
    yield "dict", x
    x = frozenset()
    for _ in range(300000):
        x = frozenset([x])
    yield "frozenset", x
    x = None
    for _ in range(300000):
        link = Link()
        link.next = x
        x = link
    yield "objects", x


for name, chain in chains():
    del chain
    print("freed", name)

if getattr(sys, "implementation_name", "") == "gilsim":
    # CPython overflows its C stack on these (SIGSEGV). gilsim hashes nested tuples with an
    # explicit stack (any depth), and stops the rest where its C++ stack ends.
    print("hashed", hash(nest_tuple(1000000)) == hash(nest_tuple(1000000)))
    sys.setrecursionlimit(10**6)
    x = []
    for _ in range(300000):
        x = [x]
    for op in (repr, lambda v: v == [x], lambda v: [v] < [[x]]):
        try:
            op(x)
        except RecursionError as e:
            print("RecursionError", "maximum recursion depth exceeded" in str(e))
    sys.setrecursionlimit(1000)
else:
    print("hashed True")
    for _ in range(3):
        print("RecursionError True")
print("done")
