def f(a, b=2, *, c=3):
    return a + b + c

r = f(1, c=4)
