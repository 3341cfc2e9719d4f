# Generator methods: close() runs finally blocks, GeneratorExit ignored is a RuntimeError,
# return value as StopIteration.value, throw() in its 1- and 3-argument forms, send() before
# the start, gi_running.
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = closer()
print(next(c))
c.close()
print(c.close())

def stubborn():
    for attempt in range(2):
        try:
            yield
        except GeneratorExit:
            print("ignoring GeneratorExit", attempt)
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
s.close()  # the second GeneratorExit ends it

def ret():
    yield 1
    return 42
r = ret()
next(r)
try:
    next(r)
except StopIteration as e:
    print("value", e.value)

def thrower():
    try:
        yield 1
    except KeyError as e:
        print("keyerror", e)
        yield 2
t = thrower()
next(t)
print(t.throw(KeyError, "k"))
print(t.throw(KeyError("z")) if False else "skip")
try:
    t.throw(TypeError("t"))
except TypeError as e:
    print("propagated", e)
try:
    next(t)
except StopIteration:
    print("finished")

fresh = ret()
try:
    fresh.send(5)
except TypeError as e:
    print(e)
try:
    fresh.throw(ValueError("early"))
except ValueError as e:
    print("early", e)
print(list(fresh))

def gen_running():
    yield g2.gi_running
g2 = gen_running()
print(g2.gi_running, next(g2))

