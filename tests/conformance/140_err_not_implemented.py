# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 140_err_not_implemented.py", line 8, in area
# expect-stderr: NotImplementedError: Shape subclasses must implement area
# An "abstract" method that raises NotImplementedError.
class Shape:
    def area(self):
        raise NotImplementedError("Shape subclasses must implement area")
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
class Blob(Shape):
    pass
for shape in [Square(3), Blob()]:
    print(type(shape).__name__, shape.area())
