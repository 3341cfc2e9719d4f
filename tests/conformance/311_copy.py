# copy: shallow and deep copies, memo (shared parts, cycles), __copy__/__deepcopy__ hooks, plain instances.
import copy
a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[1].append(9); a[2]["k"].append(5)
print(b, c, b[1] is a[1], c[1] is a[1])
t = (1, 2, "x"); print(copy.deepcopy(t) is t, copy.copy(t) is t)
shared = [1]; pair = [shared, shared]; dp = copy.deepcopy(pair); print(dp[0] is dp[1], dp[0] is shared)
cyc = [1]; cyc.append(cyc); dc = copy.deepcopy(cyc); print(dc[1] is dc, dc is not cyc)
class P:
    def __init__(self, x, tags): self.x = x; self.tags = tags
p = P(1, ["a"]); q = copy.copy(p); r = copy.deepcopy(p)
p.tags.append("b")
print(type(q).__name__, q.x, q.tags, r.tags, q.tags is p.tags)
class Hooked:
    def __init__(self, v): self.v = v
    def __copy__(self):
        print("copy hook"); return Hooked(self.v)
    def __deepcopy__(self, memo):
        print("deepcopy hook", type(memo).__name__); return Hooked(copy.deepcopy(self.v, memo))
h = Hooked([1]); h2 = copy.copy(h); h3 = copy.deepcopy(h); print(h2.v is h.v, h3.v is h.v, h3.v)
m = {}; x = [1]; y = copy.deepcopy([x, x], m); print(y[0] is y[1], id(x) in m)
print(copy.copy(5), copy.deepcopy("s"), copy.copy(len) is len, copy.deepcopy({1: {2: 3}}))
s = {1, 2}; print(copy.copy(s) == s, copy.copy(s) is s)
