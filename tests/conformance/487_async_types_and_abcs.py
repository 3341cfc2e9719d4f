# types.CoroutineType, AsyncGeneratorType and coroutine(); collections.abc.Coroutine and
# AsyncGenerator know the built-in types; co_flags says what a function makes.
import types
import collections.abc as abc
async def f():
    return 1
async def ag():
    yield 1
c = f()
print(isinstance(c, abc.Coroutine), isinstance(c, abc.Awaitable), isinstance(ag(), abc.AsyncGenerator), isinstance(ag(), abc.AsyncIterator))
print(type(c) is types.CoroutineType, type(ag()) is types.AsyncGeneratorType)
c.close()
@types.coroutine
def legacy():
    x = yield "step"
    return x
async def user():
    return await legacy()
u = user()
print(u.send(None))
try:
    u.send(42)
except StopIteration as e:
    print(e.value)


def plain():
    pass


def gen():
    yield


def star(*a, **k):
    pass


for fn in (plain, gen, f, ag, star):
    flags = fn.__code__.co_flags
    print(fn.__name__, bool(flags & 0x20), bool(flags & 0x80), bool(flags & 0x200),
          bool(flags & 0x04), bool(flags & 0x08))
