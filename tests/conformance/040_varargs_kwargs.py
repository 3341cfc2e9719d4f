# *args and **kwargs
def f(*args):
    return args
print(f(), f(1), f(1, "a", None))
def g(a, b=2, *rest, **opts):
    print(a, b, rest, opts)
g(1)
g(1, 3, 5, 7)
g(1, x=1, y="why")
g(1, 2, 3, flag=True)
def total(*nums, start=0):
    s = start
    for n in nums:
        s += n
    return s
print(total(1, 2, 3), total(1, 2, start=100), total())
def describe(**kw):
    for k in kw:
        print(" ", k, "=", kw[k])
    return len(kw)
print(describe(alpha=1, beta=[2], gamma="three"))
print(describe())
