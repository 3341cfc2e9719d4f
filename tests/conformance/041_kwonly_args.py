# keyword-only arguments after * and after *args
def f(a, *, key, flag=False):
    return (a, key, flag)
print(f(1, key="k"))
print(f(1, flag=True, key=2))
def g(*args, sep="-", end=""):
    return sep.join(str(a) for a in args) + end
print(g(1, 2, 3), g(1, 2, sep="+", end="="), g())
def h(x, y=0, *, z, w=9, **rest):
    return [x, y, z, w, rest]
print(h(1, z=2), h(1, 2, z=3, w=4, extra=5))
try:
    f(1, 2)
except TypeError:
    print("TypeError: positional for keyword-only")
try:
    f(1)
except TypeError:
    print("TypeError: missing keyword-only")
