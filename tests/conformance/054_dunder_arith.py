# __add__, __sub__, __mul__
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
    def __repr__(self):
        return "Vec(%d, %d)" % (self.x, self.y)
a = Vec(1, 2)
b = Vec(10, 20)
print(a + b, b - a, a * 3, a + b * 2)
c = a
c += b
print(c, a)
print(a + b == Vec(21, 42), (a - a) == Vec(0, 0))
total = Vec(0, 0)
for v in [Vec(1, 1), Vec(2, 3), Vec(-1, 0)]:
    total = total + v
print(total)
try:
    a + 5
except AttributeError as e:
    print("AttributeError:", e)
