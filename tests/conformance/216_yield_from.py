# yield from delegates (PEP 380): values out, send() in, throw() and close() through to the
# subgenerator, the return value as the value of the expression; recursive delegation.
def g():
    yield from range(3)
print(list(g()))

def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield 3
    return "done"

o = outer()
print(next(o))
print(o.send("a"))
print(o.send("b"))
try:
    o.send("c")
except StopIteration as e:
    print("stop", e.value, e.args)

def tree(n):
    if n == 0:
        yield 0
        return
    yield from tree(n - 1)
    yield n
    yield from tree(n - 1)
print(list(tree(3)))

def catcher():
    while True:
        try:
            x = yield
            print("value", x)
        except ValueError as e:
            print("caught", e)
            yield "recovered"

def delegate():
    yield from catcher()

d = delegate()
next(d)
d.send(1)
print(d.throw(ValueError("bad")))
next(d)
d.send(2)
d.close()
print("closed")

def echo_sub():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
def acc():
    result = yield from echo_sub()
    yield ("total", result)
a = acc()
next(a)
a.send(5)
a.send(6)
print(a.send(None))
