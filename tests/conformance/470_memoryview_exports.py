# While a memoryview over a bytearray is unreleased, the bytearray refuses every change of size
# (BufferError), and a change of its bytes shows through the view; releasing (or dropping) every
# view lifts the refusal.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


ba = bytearray(b"abcdef")
m = memoryview(ba)


def setslice(key, value):
    ba[key] = value


def delslice(key):
    del ba[key]


def imul(n):
    global ba
    b = ba
    b *= n
    return b is ba


def iadd(x):
    b = ba
    b += x
    return b is ba


for label, op in [
    ("append", lambda: ba.append(1)),
    ("extend", lambda: ba.extend(b"x")),
    ("extend empty", lambda: ba.extend(b"")),
    ("extend list", lambda: ba.extend([1])),
    ("pop", lambda: ba.pop()),
    ("pop range", lambda: ba.pop(100)),
    ("clear", lambda: ba.clear()),
    ("insert", lambda: ba.insert(0, 1)),
    ("insert bad", lambda: ba.insert(0, 300)),
    ("remove", lambda: ba.remove(98)),
    ("remove missing", lambda: ba.remove(7)),
    ("del item", lambda: delslice(0)),
    ("del slice", lambda: delslice(slice(0, 2))),
    ("del empty", lambda: delslice(slice(0, 0))),
    ("del extended", lambda: delslice(slice(0, 4, 2))),
    ("del extended empty", lambda: delslice(slice(0, 0, 2))),
    ("grow slice", lambda: setslice(slice(0, 1), b"xy")),
    ("shrink slice", lambda: setslice(slice(0, 2), b"x")),
    ("same slice", lambda: setslice(slice(0, 1), b"A")),
    ("extended same", lambda: setslice(slice(1, 5, 2), b"BD")),
    ("iadd", lambda: iadd(b"x")),
    ("iadd empty", lambda: iadd(b"")),
    ("imul", lambda: imul(2)),
    ("imul one", lambda: imul(1)),
    ("item", lambda: setslice(5, 70)),
    ("reverse", lambda: ba.reverse()),
]:
    show(label, op)
print(ba, m.tobytes(), m[0], m.tolist())
ba[0] = 0x7A
print(m[0], m.tobytes())

m.release()
ba.append(0x21)
print(ba, len(ba))

# Every view is an export: a slice, a view of a view, a cast.
v = memoryview(ba)
part = v[1:3]
v.release()
show("slice alive", lambda: ba.append(1))
part.release()
show("slice released", lambda: ba.append(1))
v = memoryview(ba)
again = memoryview(v)
print(again.obj is ba)
v.release()
show("view of view", lambda: ba.pop())
del again
show("dropped", lambda: ba.pop())
c = memoryview(ba).cast("c")
show("cast alive", lambda: ba.clear())
c.release()
with memoryview(ba) as w:
    show("with", lambda: ba.extend(b"12"))
show("after with", lambda: ba.extend(b"12"))
print(ba)

# A bytearray's own operations still read a view of it.
ba = bytearray(b"xyz")
m = memoryview(ba)
print(ba == m, ba == m[::-1], ba + m, ba.find(m[1:]), bytes(m[::-1]), bytearray(m[::2]))
show("extend self", lambda: ba.extend(m))
m.release()
ba.extend(memoryview(bytearray(b"!!"))[::1])
b2 = ba
b2 *= 2
print(ba, b2 is ba)
