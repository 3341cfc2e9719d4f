# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: in outer
# expect-stderr: in inner
# expect-stderr: ValueError: from a coroutine
async def inner():
    raise ValueError("from a coroutine")


async def outer():
    print("outer runs")
    await inner()


outer().send(None)
