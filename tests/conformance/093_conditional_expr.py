# conditional expressions
def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-2, 0, 3)])
x = 5
print("big" if x > 3 else "small", 1 if x < 0 else 2)
def noisy(v):
    print("evaluated", v)
    return v
r = noisy("a") if x > 0 else noisy("b")
print(r)
r = noisy("a") if x < 0 else noisy("b")
print(r)
print((lambda y: "even" if y % 2 == 0 else "odd")(7))
print([("F" if v % 15 == 0 else "f" if v % 3 == 0 else "b" if v % 5 == 0 else str(v)) for v in range(1, 16)])
val = None
print(val if val is not None else "default", (x if x else 0) + 1)
