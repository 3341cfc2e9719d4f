# Merging dicts (update, copy, |, |=, dict(d), {**d}) uses the stored hashes, as CPython's
# dict_merge (no __hash__ call), and a key's __eq__ that changes the source meanwhile raises
# "RuntimeError: dict mutated during update" (issue 15: the merge walked a stale table).


class Counted:
    hashes = 0

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        Counted.hashes += 1
        return self.n

    def __eq__(self, other):
        return isinstance(other, Counted) and other.n == self.n


src = {Counted(i): i for i in range(5)}
Counted.hashes = 0
copies = [src.copy(), dict(src), {**src}, src | {}, {} | src]
target = {}
target.update(src)
target |= src
print(Counted.hashes, [len(c) for c in copies], len(target))


class Mutator:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 1

    def __eq__(self, other):
        if armed:
            source.clear()
        return False


for how in ("update", "|=", "|"):
    armed = False
    source = {Mutator(1): 1, Mutator(2): 2, Mutator(3): 3}
    dest = {Mutator(0): 0}
    armed = True
    try:
        if how == "update":
            dest.update(source)
        elif how == "|=":
            dest |= source
        else:
            dest = dest | source
        print(how, "merged", len(dest))
    except RuntimeError as e:
        print(how, "RuntimeError:", e)

d = {1: 1, 2: 2}
d.update(d)
d |= d
print(d, d.copy() == d)
