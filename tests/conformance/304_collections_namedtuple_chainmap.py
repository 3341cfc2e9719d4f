# collections.namedtuple (fields, defaults, rename, errors) and ChainMap.
from collections import namedtuple, ChainMap
P = namedtuple("P", "x y"); p = P(1, y=2); print(p, p.x, p[1], p._fields, p._asdict(), p._replace(x=5), P._make([3, 4]))
x, y = p; print(x, y, p == (1, 2), len(p), list(p), p < P(1, 3))
print(type(tuple(p)).__name__, tuple(p), isinstance(p, tuple), hash(p) == hash((1, 2)))
R = namedtuple("R", ["a", "b", "c"], defaults=[0, 9]); print(R(1), R(1, 2), R._field_defaults)
print(namedtuple("S", "a def", rename=True)._fields)
for f in [lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, z=2), lambda: namedtuple("T", "a a"), lambda: namedtuple("T", "a _b"), lambda: namedtuple("T", "class"), lambda: P._make([1])]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3}); print(cm["a"], cm["b"], len(cm), sorted(cm), cm.get("z", 0), "b" in cm)
cm["c"] = 4; print(cm.maps[0], cm.new_child({"a": 0})["a"], cm.parents, repr(cm))
try:
    del cm["b"]
except KeyError as e:
    print("KeyError", e)
