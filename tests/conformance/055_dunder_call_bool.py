# __call__ and __bool__
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, y=1):
        return self.k * x * y
double = Multiplier(2)
print(double(5), double(5, y=3), Multiplier(10)(4))
print(sorted([3, 1, 2], key=Multiplier(-1)))
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print("bool called")
        return self.on
if Flag(True):
    print("truthy")
if not Flag(False):
    print("falsy")
print(bool(Flag(True)), Flag(False) or "fallback")
class Sized:
    def __len__(self):
        return 0
print(bool(Sized()), "empty" if not Sized() else "full")
class Default:
    pass
print(bool(Default()))
