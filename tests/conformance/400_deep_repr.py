# Native repr/str recursion over deep data raises RecursionError (issue 15: it overflowed the
# C++ stack): lists, tuples, dicts, sets, %r, f-string !r, format(), str.format, and user
# __repr__ methods that recurse through the built-in reprs.
import sys


def nest_list(n):
    x = []
    for _ in range(n):
        x = [x]
    return x


def nest_tuple(n):
    x = ()
    for _ in range(n):
        x = (x,)
    return x


def nest_dict(n):
    x = {}
    for _ in range(n):
        x = {1: x}
    return x


def nest_set(n):
    x = frozenset()
    for _ in range(n):
        x = {(1, x)}
        x = frozenset(x)
    return x


class Node:
    def __init__(self, child):
        self.child = child

    def __repr__(self):
        return "Node(" + repr([self.child]) + ")"


def nest_nodes(n):
    x = None
    for _ in range(n):
        x = Node(x)
    return x


def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except RecursionError as e:
        # The built-in reprs say where CPython does; a user __repr__ may trip either check first.
        text = str(e)
        print(label, "RecursionError", "repr" in text or "calling" in text or text.endswith("exceeded"))


DEEP = 20000
values = {
    "list": nest_list(DEEP),
    "tuple": nest_tuple(DEEP),
    "dict": nest_dict(DEEP),
    "frozenset": nest_set(DEEP),
    "nodes": nest_nodes(DEEP),
}
for name, v in values.items():
    attempt(name + " repr", lambda: repr(v))
    attempt(name + " str", lambda: str(v))
    attempt(name + " %r", lambda: "%r" % (v,))
    attempt(name + " %s", lambda: "%s" % (v,))
    attempt(name + " f!r", lambda: f"{v!r}")
    attempt(name + " f", lambda: f"{v}")
    attempt(name + " format", lambda: format(v))
    attempt(name + " str.format", lambda: "{}".format(v))
    attempt(name + " ascii", lambda: ascii(v))
    attempt(name + " in a list", lambda: str([v]))

try:
    repr(nest_list(DEEP))
except RecursionError as e:
    print(e)

# Shallow data still prints, and the limit is the interpreter's: a lower limit stops sooner.
print(repr(nest_list(50))[:12], len(repr(nest_list(500))))
sys.setrecursionlimit(200)
attempt("limit 200, depth 300", lambda: repr(nest_list(300)))
sys.setrecursionlimit(1000)
attempt("limit 1000, depth 300", lambda: repr(nest_list(300)))
# After the error the interpreter is fine: recursion counts were unwound.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
