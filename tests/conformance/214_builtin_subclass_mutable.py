# Subclasses of list, dict and set: built-in operations on the built-in part, overrides
# (__getitem__, __len__, __setitem__, __missing__) and super() calls, an instance __dict__.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
s.label = "mine"
print(s, len(s), s.peek(), isinstance(s, list), type(s).__name__, s.label, s == [1, 2, 3], sum(s))
print(sorted(s, reverse=True), s[1:], list(reversed(s)), 2 in s, s.__dict__)

class Upper(list):
    def __getitem__(self, i):
        return super().__getitem__(i) * 10
    def __len__(self):
        return 99
u = Upper([1, 2, 3])
print(u[0], len(u), u)

class Tally(dict):
    def __missing__(self, key):
        return 0
t = Tally()
t["a"] = t["a"] + 1
t["a"] += 1
print(t, t["zz"], isinstance(t, dict), "a" in t, len(t))

class Default(dict):
    def __init__(self, factory, *args, **kw):
        super().__init__(*args, **kw)
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
d = Default(list, x=[1])
d["y"].append(2)
print(sorted(d.items()), d.factory)

class Logged(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
l = Logged()
l["k"] = 1
print(l)

class Tags(set):
    pass
tg = Tags([1, 2, 2])
tg.add(3)
print(sorted(tg), len(tg), 2 in tg)

