# inherit: a class hierarchy three deep (Shape -> Polygon -> Rect -> Square, plus siblings), with
# super().__init__(...) chains, overridden methods that call the parent's version, isinstance
# checks and read-only / read-write properties. Method resolution through several classes and
# property descriptors are what make real class-based code slower than flat functions.
# Usage: inherit.py [SIZE]   (SIZE: integer scale factor, default 1; 0 is a quick smoke size)
import sys


class Shape:
    kind = "shape"

    def __init__(self, name):
        self.name = name
        self._scale = 1

    def area(self):
        return 0

    def perimeter(self):
        return 0

    def describe(self):
        return self.kind

    @property
    def scale(self):
        return self._scale

    @scale.setter
    def scale(self, value):
        if value <= 0:
            raise ValueError("scale must be positive")
        self._scale = value

    def weight(self):
        return self.area() * self.scale + self.perimeter()


class Polygon(Shape):
    kind = "polygon"

    def __init__(self, name, sides):
        super().__init__(name)
        self.sides = sides

    def describe(self):
        return super().describe() + "/" + str(self.sides)


class Rect(Polygon):
    kind = "rect"

    def __init__(self, name, w, h):
        super().__init__(name, 4)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)

    @property
    def diagonal2(self):
        return self.w * self.w + self.h * self.h


class Square(Rect):
    kind = "square"

    def __init__(self, name, side):
        super().__init__(name, side, side)

    def perimeter(self):
        return 4 * self.w

    def describe(self):
        return "sq:" + super().describe()


class Triangle(Polygon):
    kind = "triangle"

    def __init__(self, name, a, b, c):
        super().__init__(name, 3)
        self.a = a
        self.b = b
        self.c = c

    def perimeter(self):
        return self.a + self.b + self.c

    def area(self):
        # Twice the area by Heron's formula squared, kept in integers: 16 * area^2.
        p = self.a + self.b + self.c
        return (p * (p - 2 * self.a) * (p - 2 * self.b) * (p - 2 * self.c)) % 1000


class Circle(Shape):
    kind = "circle"

    def __init__(self, name, r):
        super().__init__(name)
        self.r = r

    def area(self):
        return 3 * self.r * self.r

    def perimeter(self):
        return 6 * self.r


def make(i):
    k = i % 4
    if k == 0:
        return Rect("r", i % 13 + 1, i % 7 + 1)
    if k == 1:
        return Square("s", i % 11 + 1)
    if k == 2:
        return Triangle("t", i % 5 + 3, i % 5 + 4, i % 5 + 5)
    return Circle("c", i % 9 + 1)


def run(rounds):
    total = 0
    polys = 0
    rects = 0
    diag = 0
    errors = 0
    kinds = {}
    for i in range(rounds):
        s = make(i)
        s.scale = i % 3 + 1
        total += s.weight()
        if isinstance(s, Polygon):
            polys += 1
            if isinstance(s, Rect):
                rects += 1
                diag += s.diagonal2
        if i % 97 == 0:
            try:
                s.scale = 0
            except ValueError:
                errors += 1
            d = s.describe()
            kinds[d] = kinds.get(d, 0) + 1
    return total, polys, rects, diag, errors, sorted(kinds.items())


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    rounds = 600000 * size if size > 0 else 6000
    total, polys, rects, diag, errors, kinds = run(rounds)
    print("inherit", total, polys, rects, diag, errors)
    print(" ".join(k + "=" + str(n) for k, n in kinds))


main()
