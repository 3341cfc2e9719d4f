# async def, await, async with, async for, async comprehensions and async generators, driven by
# a hand-written scheduler (no asyncio): CPython 3.11's protocol and errors.
# expect-stderr: RuntimeWarning: coroutine 'leaf' was never awaited
class Sleep:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        got = yield self.n
        return got

async def leaf(x):
    r = await Sleep(x)
    return r * 2

async def middle(x):
    total = 0
    for i in range(x):
        total += await leaf(i)
    return total

def run(coro):
    sent = None
    steps = []
    while True:
        try:
            y = coro.send(sent)
        except StopIteration as e:
            return e.value, steps
        steps.append(y)
        sent = y + 100

print(run(middle(4)))

class ACM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        print("enter", self.name)
        await Sleep(0)
        return self.name.upper()
    async def __aexit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        await Sleep(1)
        return self.suppress

async def uses_with():
    async with ACM("a") as x, ACM("b") as y:
        print("body", x, y)
    async with ACM("c", suppress=True):
        raise ValueError("swallowed")
    try:
        async with ACM("d"):
            raise KeyError("kept")
    except KeyError as e:
        print("caught", e)
    for i in range(3):
        async with ACM("loop%d" % i):
            if i == 1:
                continue
            if i == 2:
                break
    async with ACM("ret"):
        return "returned"

print(run(uses_with()))

class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Sleep(self.i)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def ticker(n):
    for i in range(n):
        await Sleep(i)
        yield i * 10
    print("ticker done")

async def uses_for():
    out = []
    async for v in Counter(3):
        out.append(v)
    else:
        out.append("else")
    async for v in ticker(3):
        out.append(v)
    async for v in Counter(5):
        if v == 2:
            continue
        if v == 4:
            break
        out.append(-v)
    else:
        out.append("not reached")
    out.append([x async for x in ticker(2)])
    out.append({x: x + 1 async for x in Counter(2)})
    out.append({x async for x in Counter(2) if x > 1})
    out.append([await leaf(i) for i in range(3)])
    g = (x * 2 async for x in Counter(3))
    out.append(type(g).__name__)
    out.append([y async for y in g])
    return out

print(run(uses_for()))

async def agen_protocol():
    ag = ticker(2)
    print(type(ag).__name__, ag.__name__, ag.__qualname__, ag.ag_running)
    print(await ag.__anext__())
    print(await ag.asend(None))
    try:
        await ag.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    async def guarded():
        try:
            yield 1
            yield 2
        finally:
            print("cleanup")
            await Sleep(5)
    g2 = guarded()
    print(await g2.__anext__())
    print(await g2.aclose())
    g3 = guarded()
    print(await g3.__anext__())
    try:
        await g3.athrow(ValueError("boom"))
    except ValueError as e:
        print("athrow raised", e)
    async def catcher():
        while True:
            try:
                yield "x"
            except KeyError:
                yield "caught KeyError"
                return
    g4 = catcher()
    print(await g4.__anext__())
    print(await g4.athrow(KeyError))
    try:
        await g4.__anext__()
    except StopAsyncIteration:
        print("done")
    async def stubborn():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    g5 = stubborn()
    await g5.__anext__()
    try:
        await g5.aclose()
    except RuntimeError as e:
        print("RuntimeError", e)
    return "ok"

print(run(agen_protocol()))

async def raiser():
    await Sleep(1)
    raise ValueError("inner")

async def catcher():
    try:
        await raiser()
    except ValueError as e:
        return "caught " + str(e)

print(run(catcher()))

c = catcher()
print(c.send(None))
try:
    c.throw(KeyError("thrown"))
except KeyError as e:
    print("propagated", e)
c = catcher()
c.send(None)
try:
    c.throw(ValueError("thrown in"))
except StopIteration as e:
    print(e.value)
c = leaf(3)
c.send(None)
c.close()
print("closed")
try:
    c.send(None)
except RuntimeError as e:
    print(e)

async def twice():
    c = leaf(1)
    await c
    await c
try:
    run(twice())
except RuntimeError as e:
    print(e)

print(repr(leaf(1))[:22], repr(ticker(1))[:35])
c = leaf(1)
w = c.__await__()
print(type(w).__name__, next(w))
try:
    w.send(7)
except StopIteration as e:
    print("wrapper", e.value)
