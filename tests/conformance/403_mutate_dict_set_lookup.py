# A dict or set lookup whose key's __eq__ clears, resizes or refills the container restarts on
# the new table, as CPython's does (issue 15: gilsim kept probing the freed one). Insertions,
# deletions, `in`, get, update, set operations and dict/set equality, each with a hostile key.


class Clearer:
    """Equal hashes; the first compare empties `target` and refills it with ints."""

    armed = True

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 1

    def __eq__(self, other):
        if Clearer.armed:
            Clearer.armed = False
            target.clear()
            for i in range(100):
                target[i] = i
        return False

    def __repr__(self):
        return f"C{self.n}"


def arm(container):
    global target
    target = container
    Clearer.armed = True


d = {}
arm(d)
for i in range(5):
    d[Clearer(i)] = i
print(len(d), sorted(k for k in d if isinstance(k, int))[:3])

d = {Clearer(0): "zero"}
arm(d)
print(Clearer(1) in d, len(d))
d = {Clearer(0): "zero"}
arm(d)
print(d.get(Clearer(1), "absent"), len(d))
d = {Clearer(0): "zero"}
arm(d)
try:
    del d[Clearer(1)]
except KeyError as e:
    print("KeyError", e)
d = {Clearer(0): "zero"}
arm(d)
print(d.pop(Clearer(1), "none"), len(d))
d = {Clearer(0): 0, Clearer(1): 1}
arm(d)
d.update({Clearer(2): 2})
print(len(d))
d = {Clearer(0): 0}
arm(d)
print(d.setdefault(Clearer(1), "new"), len(d))


class SetClearer:
    armed = True

    def __hash__(self):
        return 7

    def __eq__(self, other):
        if SetClearer.armed:
            SetClearer.armed = False
            starget.clear()
        return False


def sarm(s):
    global starget
    starget = s
    SetClearer.armed = True


s = set()
sarm(s)
for i in range(4):
    s.add(SetClearer())
print(len(s))
s = {SetClearer(), SetClearer()}
sarm(s)
print(SetClearer() in s, len(s))
s = {SetClearer(), SetClearer()}
sarm(s)
s.discard(SetClearer())
print(len(s))
s = {SetClearer(), SetClearer()}
sarm(s)
s.update([SetClearer(), SetClearer()])
print(len(s))
a = {SetClearer(), SetClearer()}
b = {SetClearer(), SetClearer()}
sarm(a)
print(len(a | b), len(b))
sarm(b)
print(len(a & b) <= 2, len(a - b) <= 4, a == b)


# Values that clear the dict being compared: both sides are held while compared.
class Wiper:
    def __eq__(self, other):
        left.clear()
        return True


left = {1: Wiper(), 2: Wiper()}
right = {1: Wiper(), 2: Wiper()}
print(left == right, len(left))


# An __eq__ that always mutates: CPython restarts without end (a hang); gilsim stops with a
# RuntimeError after 1,000 restarts. Run only under gilsim.
class Always:
    def __hash__(self):
        return 3

    def __eq__(self, other):
        forever.clear()
        forever[Always()] = 1
        return False


import sys

if getattr(sys, "implementation_name", "") == "gilsim":  # CPython loops here forever
    forever = {Always(): 0}
    try:
        forever[Always()] = 2
    except RuntimeError as e:
        print("RuntimeError", "changed during a lookup" in str(e))
else:
    print("RuntimeError True")
