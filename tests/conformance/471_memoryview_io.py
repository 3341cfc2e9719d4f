# memoryview wherever a bytes-like object is taken: bytes and bytearray methods, binary files
# (write, readinto a view), sockets (send/sendall, recv_into a view), hashlib, struct and
# int.from_bytes; a read-only view is refused where the buffer is written.
import hashlib
import os
import socket
import struct
import tempfile


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


m = memoryview(b"abcdef")
print(bytes(m[1:3]), bytearray(m[::-1]), b"xabcdefx".find(m), b"abcdef".startswith(m[:2]))
print(b"-".join([m, m[1:3], b"z", bytearray(b"w")]), bytearray(b"+").join([m[:1], m[5:]]))
print(b"abcabc".replace(m[:1], m[3:4]), b"a,b".split(memoryview(b",")), bytearray(b"ab") + m)
print(b"abc".count(memoryview(b"c")), b"xyz".strip(memoryview(b"xz")), b"xy" + m[4:])
print(bytearray(b"abc").find(memoryview(b"c")), memoryview(b"b") in bytearray(b"abc"))
show("find strided", lambda: b"abc".find(m[::2]))

print(struct.unpack("<HI", memoryview(b"\x01\x00\x02\x00\x00\x00")))
print(struct.unpack_from("<H", memoryview(b"xx\x05\x00"), 2), struct.unpack("<H", m[2:4]))
buf = bytearray(8)
mv = memoryview(buf)
struct.pack_into("<I", mv, 2, 0x01020304)
struct.pack_into("<H", mv[6:], 0, 0xFFFF)
print(buf)
show("pack_into read-only", lambda: struct.pack_into("<H", memoryview(b"xxxx"), 0, 1))
print(int.from_bytes(memoryview(b"\x01\x02"), "big"), int.from_bytes(m[::2], "little"))

h = hashlib.sha256()
h.update(memoryview(b"abc"))
h.update(memoryview(bytearray(b"defg"))[:-1])
print(h.hexdigest() == hashlib.sha256(b"abcdef").hexdigest())
print(hashlib.md5(memoryview(b"abc")).hexdigest())
show("hash strided", lambda: hashlib.sha1(m[::2]))

directory = tempfile.mkdtemp()
path = os.path.join(directory, "data.bin")
with open(path, "wb") as f:
    print(f.write(memoryview(b"hello world")[6:]), f.write(memoryview(bytearray(b"!?"))))
with open(path, "rb") as f:
    target = bytearray(10)
    view = memoryview(target)
    print(f.readinto(view[2:6]), target)
    print(f.readinto(view[6:]), target)
    print(f.readinto(view), target)
    show("readinto read-only", lambda: f.readinto(memoryview(b"xxxx")))
    show("resize while read", lambda: target.append(1))
view.release()
os.remove(path)
os.rmdir(directory)

a, b = socket.socketpair()
print(a.send(memoryview(b"0123456789")[2:5]))
a.sendall(memoryview(bytearray(b"abcdef")))
received = bytearray(16)
rv = memoryview(received)
print(b.recv_into(rv[4:], 3), received)
print(b.recv_into(rv[8:]), received)
show("recv_into read-only", lambda: b.recv_into(memoryview(b"xxxx")))
a.close()
b.close()
