# Python code that shrinks, clears or grows a list in the middle of a list operation (issue 15):
# `in`, index, count, remove, ==, <, sort with a mutating key or __lt__, sorted, min and max.
# Each item is held while compared and the size re-read, as CPython does; sort raises
# "ValueError: list modified during sort" and a hostile __lt__ never breaks the sort.


class Shrinker:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        victim.clear()
        return False

    def __lt__(self, other):
        victim.clear()
        return self.n < other.n


def fresh(n=10):
    global victim
    victim = [Shrinker(i) for i in range(n)]
    return victim


print(3 in fresh(), len(victim))
try:
    fresh().index(3)
except ValueError as e:
    print("ValueError", e)
print(fresh().count(3), len(victim))
try:
    fresh().remove(3)
except ValueError as e:
    print("ValueError", e)
a = fresh()
print(a == [Shrinker(0)] * 10, len(a))
a = fresh()
print(a < [Shrinker(5)] * 10, len(a))


class Equal:
    def __eq__(self, other):
        victim.clear()
        return True


victim = [Equal(), Equal(), Equal()]
victim.remove(0)
print(len(victim))


# Sorting: the list looks empty to the key and to __lt__, and any change is reported.
class Peek:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        seen.append(len(lst))
        return self.n < other.n


seen = []
lst = [Peek(i) for i in (3, 1, 2)]
lst.sort()
print([p.n for p in lst], set(seen))

for mutate in ("append", "clear", "extend", "insert"):
    lst = list(range(20, 0, -1))

    def key(v, mutate=mutate):
        if mutate == "append":
            lst.append(v)
        elif mutate == "clear":
            lst.clear()
        elif mutate == "extend":
            lst.extend([1, 2, 3])
        else:
            lst.insert(0, v)
        return v

    try:
        lst.sort(key=key)
        print(mutate, "sorted", lst[:3])
    except ValueError as e:
        print(mutate, "ValueError", e, lst[:3], len(lst))


class Grower:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        lst.append(Grower(-1))
        return self.n < other.n


lst = [Grower(i) for i in (5, 2, 8, 1)]
try:
    lst.sort()
except ValueError as e:
    print("ValueError", e, [g.n for g in lst])


# A comparison that answers at random: every item comes back exactly once.
class Liar:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        global seed
        seed = (seed * 1103515245 + 12345) % 2**31
        return seed & 1024 != 0


seed = 15
for size in (2, 17, 100, 1000):
    items = [Liar(i) for i in range(size)]
    items.sort()
    print(size, sorted(x.n for x in items) == list(range(size)))
    out = sorted([Liar(i) for i in range(size)], reverse=True)
    print(size, sorted(x.n for x in out) == list(range(size)))


# A comparison that raises leaves the list as it was.
class Raiser:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        if self.n == 2:
            raise KeyError("boom")
        return self.n < other.n


lst = [Raiser(i) for i in (3, 2, 1)]
try:
    lst.sort()
except KeyError:
    print("KeyError", len(lst), sorted(r.n for r in lst))


# min and max read the iterator one item at a time, asking > for max and < for min.
class M:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        calls.append(("lt", self.n, other.n))
        target.clear()
        return self.n < other.n

    def __gt__(self, other):
        calls.append(("gt", self.n, other.n))
        target.clear()
        return self.n > other.n


calls = []
target = [M(i) for i in range(10)]
print(max(target).n, len(target), calls)
calls = []
target = [M(i) for i in range(10, 0, -1)]
print(min(target).n, len(target), calls)
calls = []
target = []
print(max(M(1), M(3), M(2)).n, calls)
print(min([], default="empty"), max([4, 9, 2], key=lambda v: -v))
calls = []
target = [M(i) for i in (5, 1, 4)]
print([m.n for m in sorted(target)], len(target))
