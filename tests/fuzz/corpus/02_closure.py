def counter(start=0):
    n = start
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter(10)
c(); c(5)
adders = [lambda x, i=i: x + i for i in range(4)]
print(c(), [f(1) for f in adders])
g = 1
def setg(*args, **kw):
    global g
    g = len(args) + len(kw)
setg(1, 2, *[3], a=4, **{"b": 5})
print(g)
