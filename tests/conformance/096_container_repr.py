# repr/str of nested containers
print([1, [2, [3, []]], ()])
print((1,), (1, 2), ((),), ((1,),))
print({"a": (1, 2), "b": [None, True], 3: {4: 5}})
print({1: {}, 2: set(), 3: ()})
print(repr([1.0, "s", b"b", None]), str(["s"]))
print([{1, 2}, {3}], {5})
print(str((None,)), repr(("a",)))
print([[], {}, ()], [""], [" "])
d = {}
d["self"] = [1]
print(d, list(d.items()), list(d.values()))
class Pt:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"Pt({self.x})"
print([Pt(1), Pt(2)], (Pt(3),), {"p": Pt(4)}, {0: Pt(5)})
