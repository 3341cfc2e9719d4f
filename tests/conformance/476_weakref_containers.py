# WeakValueDictionary (as a cache), WeakKeyDictionary and WeakSet: dead entries never show.
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Obj(%d)" % self.n


# A cache: entries live as long as someone else holds the value.
cache = weakref.WeakValueDictionary()
made = []


def get(n):
    try:
        return cache[n]
    except KeyError:
        o = Obj(n)
        made.append(n)
        cache[n] = o
        return o


a = get(1)
b = get(2)
print(get(1) is a, made, len(cache), sorted(cache.keys()), 1 in cache, 3 in cache)
del a
print(len(cache), list(cache.keys()), 1 in cache, cache.get(1), cache.get(1, "gone"))
try:
    cache[1]
except KeyError as e:
    print("KeyError", e)
a = get(1)
print(made, sorted(cache), sorted(v.n for v in cache.values()))
print(sorted((k, v.n) for k, v in cache.items()))
tmp = [Obj(i) for i in range(10, 15)]
for o in tmp:
    cache[o.n] = o
print(len(cache))
del tmp[1:4]
print(len(cache), sorted(cache))
tmp.clear()
print(len(cache), sorted(cache))
print(cache.pop(1) is a, len(cache), cache.pop(99, "none"))
cache.setdefault(5, b)
print(cache[5] is b, len(cache))
del cache[5]
print(len(cache), sorted(cache))
cache.update({7: a, 8: b})
print(sorted(cache), len(cache.copy()), isinstance(cache, weakref.WeakValueDictionary))
k, v = cache.popitem()
print(k in (2, 7, 8), len(cache))
refs = cache.valuerefs()
print(len(refs), all(isinstance(r, weakref.KeyedRef) for r in refs), sorted(r.key for r in refs))
del refs
# A value replaced under a key: the old value's death does not remove the new entry.
old, new = Obj(100), Obj(101)
cache["k"] = old
cache["k"] = new
del old
print(cache["k"] is new)
cache.clear()
print(len(cache))

# Keys held weakly.
wk = weakref.WeakKeyDictionary()
k1, k2 = Obj(1), Obj(2)
wk[k1] = "one"
wk[k2] = "two"
print(len(wk), wk[k1], k1 in wk, Obj(3) in wk, 5 in wk)
del k1
print(len(wk), list(wk.values()), [k.n for k in wk.keys()], [(k.n, v) for k, v in wk.items()])
k3 = Obj(3)
print(wk.setdefault(k3, "three"), wk.get(k3), wk.get(Obj(4), "no"), len(wk))
print(wk.pop(k3), len(wk))
wk[k3] = "again"
del wk[k3]
print(len(wk), [k.n for k in wk])
wk.update({k3: 3})
print(len(wk.keyrefs()), sorted(v for v in [wk[k2], wk[k3]] if v != "two"))
del k2, k3
print(len(wk), list(wk))

# Sets.
ws = weakref.WeakSet()
items = [Obj(i) for i in range(5)]
for o in items:
    ws.add(o)
del o
ws.add(items[0])
print(len(ws), items[2] in ws, Obj(9) in ws, 3 in ws)
del items[0]
print(len(ws), sorted(o.n for o in ws))
ws.discard(items[0])
print(len(ws), sorted(o.n for o in ws))
try:
    ws.remove(Obj(7))
except KeyError:
    print("KeyError on remove")
other = weakref.WeakSet(items[1:])
print(ws == other, ws <= other, len(ws | other), len(ws & other), len(ws - other))
items.pop()
print(len(ws), len(other), sorted(o.n for o in ws))
popped = ws.pop()
print(popped.n in (2, 3, 4), len(ws))
items.clear()
del popped
print(len(ws), list(ws), len(other))
try:
    ws.pop()
except KeyError as e:
    print("KeyError", e)
