"""Data pipelines of generators: a log parser made of stages, yield from for delegation, a
coroutine that keeps a running average through send(), and closing a generator early."""


def read_lines():
    for i in range(1, 31):
        level = ("INFO", "WARN", "ERROR")[i % 3 if i % 7 else 2]
        yield "%03d %s request took %d ms" % (i, level, (i * 37) % 101)


def parse(lines):
    for line in lines:
        number, level, _, _, ms, _ = line.split()
        yield {"n": int(number), "level": level, "ms": int(ms)}


def only(level, records):
    for r in records:
        if r["level"] == level:
            yield r


def chunks(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(nested):
    for part in nested:
        if isinstance(part, list):
            yield from flatten(part)
        else:
            yield part


def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return (count, total)
        total += value
        count += 1
        average = total / count


errors = list(only("ERROR", parse(read_lines())))
print("errors:", [r["n"] for r in errors])
for chunk in chunks((r["ms"] for r in parse(read_lines())), 8):
    print(len(chunk), max(chunk))
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]], 8])))

avg = averager()
next(avg)
for ms in (r["ms"] for r in errors):
    current = avg.send(ms)
print("running average: %.3f" % current)
try:
    avg.send(None)
except StopIteration as stop:
    print("averager returned", stop.value)

gen = read_lines()
print(next(gen))
gen.close()
print("closed:", next(gen, "exhausted"))
