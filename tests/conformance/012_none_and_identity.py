# None and identity tests with is / is not
def nothing():
    pass
def early(x):
    if x:
        return
    return 5
print(nothing())
print(early(True), early(False))
x = None
print(x is None, x is not None, x == None)
print(repr(None), str(None), type(None).__name__)
y = [1, 2]
z = y
w = [1, 2]
print(y is z, y is w, y == w)
z.append(3)
print(y)
d = {"a": None}
print(d.get("a") is None, d.get("b") is None)
print(True is True, False is not True)
