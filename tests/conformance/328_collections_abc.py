# collections.abc: isinstance/issubclass on built-in and user types (by methods and by
# registration), the mixin methods of Mapping, MutableMapping, Sequence, Set, and the
# abstract-method error.
from collections.abc import (Iterable, Iterator, Sized, Container, Hashable, Callable, Sequence,
                             MutableSequence, Mapping, MutableMapping, Set, MutableSet, Collection,
                             Reversible, Generator)
import collections.abc
values = [[], (), "", {}, set(), frozenset(), range(3), iter([]), 5, len, (x for x in []), b""]
for abc_class in (Iterable, Iterator, Sized, Container, Hashable, Callable, Sequence, MutableSequence, Mapping, MutableMapping, Set, MutableSet, Collection, Reversible, Generator):
    print(abc_class.__name__, [isinstance(v, abc_class) for v in values])
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(isinstance(Countdown(2), Iterator), issubclass(Countdown, Iterable), list(Countdown(3)))
class Registry(Mapping):
    def __init__(self, **kw): self._d = dict(kw)
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
r = Registry(a=1, b=2)
print(r.get("a"), r.get("z", 0), "b" in r, sorted(r.keys()), sorted(r.items()), sorted(r.values()), r == {"a": 1, "b": 2}, isinstance(r, Mapping))
class Store(MutableMapping):
    def __init__(self): self._d = {}
    def __getitem__(self, k): return self._d[k]
    def __setitem__(self, k, v): self._d[k] = v
    def __delitem__(self, k): del self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
s = Store(); s.update({"x": 1}, y=2); s.setdefault("z", 3); print(sorted(s.items()), s.pop("x"), s.pop("q", None), len(s))
class Squares(Sequence):
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i
    def __len__(self): return self.n
sq = Squares(5)
print(list(sq), 9 in sq, sq.index(16), sq.count(4), list(reversed(sq)))
class Bits(Set):
    def __init__(self, it=()): self._s = set(it)
    def __contains__(self, x): return x in self._s
    def __iter__(self): return iter(sorted(self._s))
    def __len__(self): return len(self._s)
a, b = Bits([1, 2, 3]), Bits([2, 3, 4])
print(list(a & b), list(a | b), list(a - b), list(a ^ b), a <= Bits([1, 2, 3, 4]), a.isdisjoint([9]))
try:
    Mapping()
except TypeError as e:
    print("TypeError", e)
class Half(Sequence):
    def __len__(self): return 0
try:
    Half()
except TypeError as e:
    print("TypeError", e)
print(collections.abc.Mapping is Mapping)
