def gen(n):
    for i in range(n):
        received = yield i
        if received:
            yield received * 2
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
g = gen(5)
print(next(g), g.send(None) if hasattr(g, "send") else next(g), list(g))
f = fib()
print([next(f) for _ in range(15)])
it = iter([1, 2, 3])
print(list(map(lambda v: v * 2, it)), list(filter(None, [0, 1, "", "a"])))
