# memoryview over bytes and bytearray: construction, items, slices (zero copy), attributes,
# tobytes/tolist/hex, cast to the byte formats, comparison, hashing, release and `with`.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


m = memoryview(b"abcdef")
print(type(m).__name__, isinstance(m, memoryview), len(m), m[0], m[-1], m[5])
print(m.readonly, m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides, m.suboffsets)
print(m.contiguous, m.c_contiguous, m.f_contiguous, m.obj)
print(repr(m).startswith("<memory at 0x"))
show("str", lambda: memoryview("abc"))
show("int", lambda: memoryview(1))
show("none", lambda: memoryview())
show("two", lambda: memoryview(b"a", b"b"))
show("kw", lambda: memoryview(object=b"xy").tobytes())
show("index", lambda: m[6])
show("negative", lambda: m[-7])
show("key", lambda: m["a"])
show("float key", lambda: m[1.0])
show("1-tuple", lambda: m[1,])
show("empty tuple", lambda: m[()])
show("2-tuple", lambda: m[0, 1])
show("slice tuple", lambda: m[0:1, 0:1])

# Slices are views of the same buffer, with composed strides.
s = m[1:5]
print(s.tobytes(), s.tolist(), len(s), s.obj is m.obj, s.strides)
e = m[::2]
print(e.tobytes(), e.tolist(), e.nbytes, e.shape, e.strides, e.contiguous)
r = m[::-1]
print(r.tobytes(), r.strides, r[0], r[1:3].tobytes(), m[5:1:-2].tolist())
print(m[2:2].tobytes(), len(m[10:]), m[::2][1:].tobytes(), m[1:][::2][::-1].tolist())
print(memoryview(m).obj is m.obj, memoryview(m).tobytes())
print(list(m[:3]), list(reversed(m[:3])), 98 in m, 120 in m)

ba = bytearray(b"hello")
w = memoryview(ba)
ba[0] = ord("j")
print(w.readonly, w.tobytes(), w[0])
w[1] = ord("E")
w[-1] = 33
print(ba)
w[1:3] = b"XY"
print(ba)
w[::2] = b"123"
print(ba)
w[0:2] = memoryview(b"QQ")
print(ba, w.tolist())
show("big", lambda: w.__setitem__(0, 256))
show("neg", lambda: w.__setitem__(0, -1))
show("str value", lambda: w.__setitem__(0, "a"))
show("float value", lambda: w.__setitem__(0, 1.5))
show("bytes value", lambda: w.__setitem__(0, b"a"))
show("out", lambda: w.__setitem__(5, 1))
show("length", lambda: w.__setitem__(slice(1, 3), b"xyz"))
show("list", lambda: w.__setitem__(slice(1, 3), [1, 2]))
show("str slice", lambda: w.__setitem__(slice(0, 2), "ab"))
show("format", lambda: w.__setitem__(slice(0, 2), memoryview(b"ab").cast("c")))
show("delete", lambda: w.__delitem__(0))
show("read-only", lambda: m.__setitem__(0, 1))
show("read-only slice", lambda: m.__setitem__(slice(0, 1), b"x"))
show("toreadonly", lambda: w.toreadonly().__setitem__(0, 1))
print(w.toreadonly().readonly, w.readonly)

print(m.hex(), m.hex(":"), m.hex(":", 2), m.hex(b"-", -4), memoryview(b"").hex())
show("hex sep", lambda: m.hex("", 2))
show("order", lambda: m.tobytes("X"))
print(m.tobytes("C"), m.tobytes(order="A"), m.tobytes(None))

c = m.cast("c")
print(c.format, c[0], c.tolist(), c[1:3].tolist(), list(c[:2]))
sb = memoryview(b"\x80\x7f\xff").cast("b")
print(sb.format, sb.tolist(), sb[0], sb.cast("B").tolist())
show("cast bytes", lambda: m.cast(b"B"))
show("cast missing", lambda: m.cast())
show("cast bad", lambda: m.cast("x"))
show("cast strided", lambda: m[::2].cast("c"))
print(m.cast("B", shape=[6]).shape, m.cast("B", (6,)).tolist())
show("cast shape", lambda: m.cast("B", [5]))
wc = memoryview(bytearray(b"ab")).cast("c")
wc[0] = b"Z"
print(wc.obj)
show("c int", lambda: wc.__setitem__(0, 65))
show("c long", lambda: wc.__setitem__(0, b"xy"))
show("c bytearray", lambda: wc.__setitem__(0, bytearray(b"y")))
sw = memoryview(bytearray(b"ab")).cast("b")
sw[0] = -100
print(sw.tolist(), sw.obj)
show("b range", lambda: sw.__setitem__(0, 200))

print(m == b"abcdef", b"abcdef" == m, m == bytearray(b"abcdef"), bytearray(b"abcdef") == m)
print(m != b"abcdef", m == b"abc", m[::2] == b"ace", b"ace" == m[::2], m == m[:])
print(m == "abcdef", m == [97, 98, 99, 100, 101, 102], m.cast("c") == m, m.cast("c") == c)
print(memoryview(b"\xff").cast("b") == memoryview(b"\xff"), memoryview(b"\x7f").cast("b") == b"\x7f")
print(bytearray(b"abc") < memoryview(b"abd"), b"abc" == memoryview(bytearray(b"abc")))
show("order compare", lambda: m < m)
show("add", lambda: m + b"x")
print(hash(m) == hash(memoryview(b"abcdef")), hash(m[::2]) == hash(memoryview(b"ace")))
show("hash writable", lambda: hash(w))
print(bool(memoryview(b"")), bool(m), len(memoryview(b"")), memoryview(b"").tolist())

with memoryview(bytearray(b"xyz")) as v:
    print(v.__enter__() is v, v[0], v.tobytes())
print(repr(v).startswith("<released memory at 0x"))
for name, f in [("len", lambda: len(v)), ("item", lambda: v[0]), ("tobytes", v.tobytes),
                ("tolist", v.tolist), ("hex", v.hex), ("obj", lambda: v.obj),
                ("readonly", lambda: v.readonly), ("format", lambda: v.format),
                ("shape", lambda: v.shape), ("nbytes", lambda: v.nbytes),
                ("slice", lambda: v[0:1]), ("cast", lambda: v.cast("B")),
                ("view", lambda: memoryview(v)), ("enter", v.__enter__),
                ("iter", lambda: list(v)), ("bytes", lambda: bytes(v)),
                ("setitem", lambda: v.__setitem__(0, 1)), ("hash", lambda: hash(v))]:
    show(name, f)
print(v == v, v == b"xyz", v != b"xyz", v.release(), v.__exit__(None, None, None))
h = memoryview(b"keep")
first = hash(h)
h.release()
print(hash(h) == first)
it = iter(memoryview(b"ab"))
print(next(it), next(it), next(it, "end"))
