# bytearray: construction, indexing and slice assignment, deletion, the list-like mutators,
# +=, *, in, comparisons with bytes, the methods shared with bytes, writes to
# sys.stdout.buffer, and CPython's errors.
b = bytearray(b"hello")
print(b, repr(b), len(b), b[0], b[-1], b[1:3], b[::-1], bytearray(), bytearray(3), bytearray([65, 66]), bytearray("hé", "utf-8"), bytes(b))
b.append(33); b.extend(b" world"); b.extend([63]); print(b)
b[0] = 72; b[1:3] = b"EY"; print(b); b[1:3] = b""; print(b); b[0:0] = b">>"; print(b); del b[0]; del b[-2:]; print(b)
print(b.pop(), b.pop(0), b, b.insert(0, 60) or b, b.remove(60) or b, b.copy() == b, b.copy() is b)
b.reverse(); print(b); b.reverse()
print(b"ll" in b, 108 in b, 0 in b, b == b"Hlo! world", b == bytearray(b"Hlo! world"), b < b"z", b + b"!", bytearray(b"ab") * 3, 2 * bytearray(b"x"))
c = bytearray(b"ab"); c += b"cd"; c += bytearray(b"e"); print(c, list(c), [x for x in bytearray(b"\x00\xff")])
print(b.decode(), b.hex(), b.find(b"o"), b.count(b"o"), b.startswith(b"H"), b.upper(), b.join([b"1", b"2"]))
t = bytearray(b"abc"); t[::2] = b"XY"; print(t, t.translate(bytes.maketrans(b"b", b"B")))
import sys
sys.stdout.buffer.write(bytearray(b"buffer ok\n")); sys.stdout.buffer.flush()
for bad in [lambda: bytearray(b"a")[5], lambda: bytearray(b"a").append(256), lambda: bytearray(-1), lambda: bytearray("x"), lambda: hash(bytearray()), lambda: bytearray().pop(), lambda: bytearray(b"a").remove(9), lambda: bytearray(b"abc").__setitem__(slice(0, 3, 2), b"x"), lambda: bytearray(b"a") + "s"]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(isinstance(b, bytearray), type(b).__name__, bytearray(range(5)), bytearray(b"x") != b"y", sorted([bytearray(b"b"), bytearray(b"a")]))
