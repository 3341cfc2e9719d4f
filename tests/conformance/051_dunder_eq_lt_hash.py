# __eq__, __lt__, __hash__: sorting, dict keys, set membership
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor
    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __hash__(self):
        return hash((self.major, self.minor))
    def __repr__(self):
        return "v" + str(self.major) + "." + str(self.minor)
vs = [Version(2, 0), Version(1, 5), Version(1, 10), Version(0, 9)]
print(sorted(vs))
print(max(vs), min(vs))
print(Version(1, 5) == Version(1, 5), Version(1, 5) != Version(1, 6))
print(Version(1, 5) < Version(2, 0), Version(3, 0) > Version(2, 0))
d = {Version(1, 0): "first"}
print(d[Version(1, 0)], Version(1, 0) in d, Version(9, 9) in d)
print(Version(2, 0) in vs, vs.index(Version(1, 10)), vs.count(Version(0, 9)))
s = {Version(1, 0), Version(1, 0), Version(2, 0)}
print(len(s))
class Plain:
    pass
a = Plain()
print(a == a, a == Plain(), a != Plain())
