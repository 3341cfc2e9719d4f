# generators: generator pipelines (a generator feeding a generator feeding a generator),
# yield from delegation to sub-generators, generator expressions consumed by sum/any/all/max, and
# a generator driven by send(). Each value crosses several generator frames, so this measures
# how cheaply the VM suspends and resumes frames.
# Usage: generators.py [SIZE]   (SIZE: integer scale factor, default 1; 0 is a quick smoke size)
import sys


def numbers(n, seed):
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        yield x % 1000


def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v


def scaled(it, k):
    for v in it:
        yield v * k


def windows(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) == size:
            yield tuple(buf)
            buf = buf[1:]


def chunk(n):
    yield from range(n)
    yield -1


def chained(parts):
    for p in parts:
        yield from chunk(p)


def running_total():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total


def run(rounds):
    check = 0
    for r in range(rounds):
        pipeline = scaled(evens(numbers(4000, r + 1)), 3)
        s1 = sum(pipeline)
        s2 = sum(sum(w) for w in windows(numbers(1000, r + 2), 4))
        s3 = sum(v for v in chained([5, 10, 20, 40]) if v >= 0)
        a = any(v > 990 for v in numbers(500, r + 3))
        b = all(v < 1000 for v in numbers(500, r + 4))
        m = max(v % 97 for v in numbers(500, r + 5))
        acc = running_total()
        next(acc)
        for v in numbers(300, r + 6):
            acc.send(v)
        try:
            acc.send(None)
        except StopIteration as stop:
            t = stop.value
        check = (check * 31 + s1 + s2 + s3 + a + 2 * b + m + t) % 1000000007
    return check


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    rounds = 450 * size if size > 0 else 4
    print("generators", run(rounds))


main()
