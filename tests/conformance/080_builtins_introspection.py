# isinstance, hasattr, getattr, setattr, type
class Base:
    attr = "class attr"
class Child(Base):
    def __init__(self):
        self.own = 1
c = Child()
print(isinstance(c, Child), isinstance(c, Base), isinstance(5, Base))
print(isinstance(5, int), isinstance(True, int), isinstance(5, bool), isinstance(5.0, int))
print(isinstance("s", (int, str)), isinstance([], (tuple, dict)), isinstance({}, dict))
print(isinstance(None, type(None)), isinstance(ValueError(), Exception))
print(hasattr(c, "own"), hasattr(c, "attr"), hasattr(c, "nope"), hasattr("s", "upper"))
print(getattr(c, "own"), getattr(c, "attr"), getattr(c, "nope", 0))
setattr(c, "own", 2)
setattr(c, "dyn", [1])
print(c.own, c.dyn)
m = getattr("hello", "upper")
print(m())
print(type(1) is int, type(1.0) is float, type("") is str, type(True) is bool, type(True) is int)
print(type([]) is list, type(()) is tuple, type({}) is dict, type(set()) is set, type(b"") is bytes)
print(type(c) is Child, type(c) is Base, type(c) == Child)
