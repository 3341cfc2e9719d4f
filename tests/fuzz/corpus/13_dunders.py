class Vec:
    def __init__(self, *xs): self.xs = list(xs)
    def __len__(self): return len(self.xs)
    def __getitem__(self, i): return self.xs[i]
    def __setitem__(self, i, v): self.xs[i] = v
    def __contains__(self, v): return v in self.xs
    def __iter__(self): return iter(self.xs)
    def __mul__(self, k): return Vec(*[x * k for x in self.xs])
    __rmul__ = __mul__
    def __lt__(self, o): return self.xs < o.xs
    def __hash__(self): return hash(tuple(self.xs))
    def __eq__(self, o): return isinstance(o, Vec) and self.xs == o.xs
    def __bool__(self): return any(self.xs)
    def __call__(self, k): return self.xs[k]
    def __str__(self): return "Vec" + str(self.xs)
v = Vec(1, 2, 3)
v[0] = 7
print(len(v), v[1], 2 in v, list(v), str(2 * v), Vec(1) < Vec(2), {v: 1}[Vec(7, 2, 3)], bool(Vec(0)), v(2))
print(getattr(v, "xs"), hasattr(v, "nope"), type(v).__name__, callable(v))
