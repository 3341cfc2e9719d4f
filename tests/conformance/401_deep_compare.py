# Native comparison recursion over deep data raises RecursionError "in comparison" (issue 15: the
# C++ stack overflowed, or deep data compared without any limit): ==, !=, <, in, list.index,
# list.count, sorted, min, max, dict and set equality, user __eq__ that recurses through lists.


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


class Box:
    def __init__(self, inner):
        self.inner = inner

    def __eq__(self, other):
        return [self.inner] == [other.inner]

    def __lt__(self, other):
        return [self.inner] < [other.inner]


def nest_boxes(n):
    x = None
    for _ in range(n):
        x = Box(x)
    return x


def attempt(label, fn):
    try:
        r = fn()
        print(label, "ok", r)
    except RecursionError as e:
        print(label, "RecursionError", "comparison" in str(e) or str(e).endswith("exceeded"))


DEEP = 20000
for name, make in [("list", nest_list), ("tuple", nest_tuple), ("dict", nest_dict), ("boxes", nest_boxes)]:
    a, b = make(DEEP), make(DEEP)
    attempt(name + " ==", lambda: a == b)
    attempt(name + " !=", lambda: a != b)
    attempt(name + " in", lambda: a in [b])
    attempt(name + " [].count", lambda: [b].count(a))
    attempt(name + " [].index", lambda: [b].index(a))
    attempt(name + " dict key", lambda: {1: a} == {1: b})
    if name != "dict":
        attempt(name + " <", lambda: a < b)
        attempt(name + " sorted", lambda: len(sorted([a, b])))
        attempt(name + " min", lambda: min(a, b) is a)
        attempt(name + " max", lambda: max([a, b]) is a)

try:
    nest_list(DEEP) == nest_list(DEEP)
except RecursionError as e:
    print(e)

# The same object compares equal without recursing (identity first), at any depth.
x = nest_list(DEEP)
print(x == x, [x] == [x], x in [x])
# Shallow data compares normally.
print(nest_list(300) == nest_list(300), nest_list(300) < nest_list(301), nest_tuple(200) == nest_tuple(200))
