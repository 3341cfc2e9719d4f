class Temp:
    scale = "C"
    def __init__(self, c): self._c = c
    @property
    def f(self): return self._c * 9 / 5 + 32
    @staticmethod
    def zero(): return Temp(0)
    @classmethod
    def named(cls, n): return cls(n)
t = Temp.named(100)
m = t.__init__
print(t.f, Temp.zero().f, Temp.scale, m is not None)
setattr(t, "_c", -40); print(t.f); delattr(t, "_c")
try:
    t.f
except AttributeError as e:
    print("attr", e)
