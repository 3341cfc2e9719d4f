# Where await, async for, async with and async comprehensions may stand: CPython's SyntaxErrors.
import sys
cases = [
    "await x",
    "def f():\n    await x",
    "def f():\n    async for x in y: pass",
    "def f():\n    async with x: pass",
    "[x async for x in y]",
    "async def f():\n    yield 1\n    return 2",
    "async def f():\n    yield from x",
    "async def f():\n    lambda: await x",
    "async def f():\n    class C:\n        await x",
    "def f():\n    [await x for y in z]",
    "async def f():\n    [[y async for y in x] for x in z]",
    "async def f():\n    return [await x for x in y]",
    "async def f():\n    return (await x for x in y)",
    "def f():\n    return (x async for x in y)",
    "async with x: pass",
    "async x = 1",
    "async def f():\n    await\n",
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
