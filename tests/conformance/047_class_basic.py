# classes, __init__, methods, instance attributes
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def dist2(self, other):
        dx = self.x - other.x
        dy = self.y - other.y
        return dx * dx + dy * dy
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def scale(self, k):
        self.x *= k
        self.y *= k
        return self
p = Point(1, 2)
q = Point(4, 6)
print(p.x, p.y, p.dist2(q), q.dist2(p))
r = p.moved(10, 20)
print(r.x, r.y, p.x)
p.scale(3).scale(2)
print(p.x, p.y)
p.label = "tagged"
print(p.label)
class Empty:
    pass
e = Empty()
e.value = 42
print(e.value, type(e).__name__, Point.__name__)
print(isinstance(p, Point), isinstance(e, Point))
