# helper module imported by conformance scripts (not a test itself)
PI_ISH = 3.0
loaded_count = 0
loaded_count += 1
print("helper_geometry loading, __name__ =", __name__)


def area(w, h):
    return w * h


def circle(r):
    return PI_ISH * r * r


class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return area(self.w, self.h)


if __name__ == "__main__":
    print("not printed when imported")
