# struct (formats, sizes, alignment, CPython's errors) and array (typed storage, slices, bytes).
import struct
from array import array
print(struct.pack("<i", 5), struct.pack(">hH", -2, 65535), struct.pack("@bi", 1, 2), struct.calcsize("@bi"), struct.calcsize("<bi"), struct.calcsize("bq"), struct.calcsize("3s2xd"))
print(struct.unpack("<iif", struct.pack("<iif", 1, -7, 1.5)), struct.unpack(">d", struct.pack(">d", 0.1)), struct.unpack("<e", struct.pack("<e", 0.1)))
print(struct.pack("5s", b"ab"), struct.pack("3p", b"abcdef"), struct.unpack("3p", b"\x02abc"[:3]), struct.pack("?c", 2, b"z"))
for bad in [lambda: struct.pack("b", 200), lambda: struct.pack("B", -1), lambda: struct.pack("<i", 2**31), lambda: struct.pack("<I", -1), lambda: struct.pack("i", 1.0), lambda: struct.pack("d", "x"), lambda: struct.pack("ii", 1), lambda: struct.unpack("i", b"ab"), lambda: struct.pack("y", 1), lambda: struct.pack("<h", 40000), lambda: struct.pack("<Q", -1), lambda: struct.pack("q", 2**64)]:
    try: bad()
    except (struct.error, OverflowError, TypeError) as e: print(type(e).__name__, e)
s = struct.Struct("<2H"); print(s.size, s.pack(1, 2), s.unpack(b"\x01\x00\x02\x00"), list(s.iter_unpack(b"\x01\x00\x02\x00" * 2)))
buf = bytearray(8); struct.pack_into("<I", buf, 2, 0xdeadbeef); print(buf, struct.unpack_from("<I", buf, 2), struct.unpack_from("<H", buf, offset=4))
a = array('d', [1.0, 2.5]); a.append(3); print(a, a[1], a[-1], len(a), a.itemsize, a.typecode, a[0:2], a.tolist(), sum(a))
b = array('i', range(5)); b[2] = 10; b.extend([7, 8]); print(b, b.pop(), b.index(10), 10 in b, b * 2, b + array('i', [1]), array('i', b.tobytes()) if False else array('i', bytes(b)) == b)
f = array('f', [0.1]); print(f, f[0], array('B', b"hi"), array('u', 'hey'), array('l'), array('b', [1, 2]).tobytes())
for bad in [lambda: array('b', [200]), lambda: array('B', [-1]), lambda: array('i', [1.5]), lambda: array('d', ['x']), lambda: array('z'), lambda: array('i', [1]) + array('d', [1.0]), lambda: array('i')[3]]:
    try: bad()
    except (OverflowError, TypeError, ValueError, IndexError) as e: print(type(e).__name__, e)
import copy, pickle
print(copy.copy(b), copy.deepcopy(a) == a)
for f,v in [('<I',2**32),('<I',-1),('I',2**32),('I',-1),('i',2**31),('<H',-1),('H',-1),('<B',-1),('<b',200),('<L',2**32),('L',-1),('<q',2**63),('<Q',2**64),('n',2**63),('N',-1),('<l', 2**31),('l', 2**63), ('P', -1)]:
  try: struct.pack(f,v)
  except Exception as e: print(f, v, type(e).__name__, e)
