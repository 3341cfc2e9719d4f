# base64, binascii, uuid and secrets: encodings, errors, fixed UUIDs, token shapes.
import base64
import binascii
import secrets
import uuid
import random


def t(f, *a, **k):
    try:
        print(f.__name__, repr(f(*a, **k)))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)


# binascii
B = binascii
t(B.hexlify, b"\xb9\x01\xef", "-", 2)
t(B.hexlify, b"\xb9\x01\xef", b":", -2)
t(B.hexlify, b"\x01\x02\x03\x04\x05", " ", 2)
t(B.b2a_hex, b"abc", ".")
t(B.hexlify, bytearray(b"\x00\xff"))
t(B.hexlify, b"ab", "--")
t(B.hexlify, "str")
t(B.hexlify, 5)
for a in ["abc", "a", "zz", "0A0b", b"00", bytearray(b"ff"), 5, "é"]:
    t(B.unhexlify, a)
t(B.a2b_hex, "DEADbeef")
for a in [b"YWJj", b"YWI=", b"YQ==", b"YQ", b"YWJjZ", b"Y W\nJj", b"YQ==YQ==", b"=YQ==",
          b"YQ=a=", b"", b"a", b"ab=", b"YQ===", b"YW=I", "YWJj", b"YW@Jj"]:
    for strict in (False, True):
        try:
            print(a, strict, B.a2b_base64(a, strict_mode=strict))
        except Exception as e:
            print(a, strict, type(e).__name__, e)
t(B.b2a_base64, b"hello")
t(B.b2a_base64, b"hi", newline=False)
t(B.b2a_base64, b"")
t(B.b2a_base64, "text")
print(B.crc32(b"hello world"), B.crc32(b"world", B.crc32(b"hello ")), B.crc32(b""),
      B.crc32(b"a", -1))
print(B.crc_hqx(b"hello", 0), B.crc_hqx(b"abc", 0xFFFF), B.crc_hqx(b"", 7))
print(issubclass(B.Error, ValueError), issubclass(B.Incomplete, Exception))

# base64
samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(250, 256)),
           b"\xfb\xff", b"\0\0\0\0\0", b"    "]
pairs = [(base64.b64encode, base64.b64decode), (base64.standard_b64encode, base64.standard_b64decode),
         (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
         (base64.b32encode, base64.b32decode), (base64.b32hexencode, base64.b32hexdecode),
         (base64.b16encode, base64.b16decode), (base64.a85encode, base64.a85decode),
         (base64.b85encode, base64.b85decode), (base64.encodebytes, base64.decodebytes)]
for d in samples:
    for enc, dec in pairs:
        e = enc(d)
        ok = dec(e) == d
        if dec is not base64.decodebytes:
            ok = ok and dec(e.decode("ascii")) == d
        print(enc.__name__, e, ok)
    print(base64.b85encode(d, pad=True), base64.a85encode(d, pad=True))
t(base64.b64encode, b"\xfb\xff", altchars=b"-_")
t(base64.b64decode, "-_8=", altchars="-_")
t(base64.b64encode, b"a", altchars=b"-")
t(base64.b64decode, "YWJj\n")
t(base64.b64decode, "YWJj\n", validate=True)
t(base64.b64decode, "YWJ")
t(base64.b64decode, "YWJjZ")
t(base64.b64decode, "é")
t(base64.b64decode, 5)
t(base64.b64encode, "abc")
t(base64.b64decode, b"YWJ@j", validate=True)
t(base64.b64decode, b"YWJ@j")
t(base64.urlsafe_b64decode, "-_8=")
t(base64.b32decode, "MZXW6===")
t(base64.b32decode, "mzxw6===", True)
t(base64.b32decode, "mzxw6===")
t(base64.b32decode, "MZXW6==")
t(base64.b32decode, "MZXW6YQ1", map01="L")
t(base64.b32decode, "MZXW6YQ1")
t(base64.b32decode, "MZ======")
t(base64.b32decode, "M=======")
t(base64.b32decode, "========")
t(base64.b32hexdecode, "cpnmu===", casefold=True)
t(base64.b32hexdecode, "CPNMUW")
t(base64.b16decode, "4a4B")
t(base64.b16decode, "4a4B", casefold=True)
t(base64.b16decode, "4A4")
t(base64.b16decode, "GG")
t(base64.a85encode, b"\0\0\0\0    abc", foldspaces=True)
t(base64.a85encode, b"hello world, how are you", wrapcol=7, adobe=True)
t(base64.a85encode, b"hello world", wrapcol=4)
t(base64.a85encode, b"abcd", adobe=True)
t(base64.a85decode, "<~BOu!rD]j7BEbo80~>", adobe=True)
t(base64.a85decode, "BOu!rD]j7BEbo80~>", adobe=True)
t(base64.a85decode, "BOu!r", adobe=True)
t(base64.a85decode, "zyz", foldspaces=True)
t(base64.a85decode, "Bz")
t(base64.a85decode, "s8W-\"!")
t(base64.a85decode, "{{{")
t(base64.a85decode, "B O\nu!r")
t(base64.b85decode, "cXxL#aCvlSZ*DGca%T")
t(base64.b85decode, "|NsC1")
t(base64.b85decode, "ab\"cd")
t(base64.b85decode, "~~~~~")
t(base64.encodebytes, b"x" * 100)
t(base64.decodebytes, b"eHh4\neHh4\n")
t(base64.encodebytes, "x")
t(base64.decodebytes, "eHh4")

# uuid
u = uuid.UUID("{12345678-1234-5678-1234-567812345678}")
print(u, repr(u), u.hex, u.int, u.urn)
print(u.bytes, u.bytes_le)
print(u.fields, u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant,
      u.clock_seq_low, u.node, u.time, u.clock_seq)
print(u.variant, u.version, u.is_safe)
same = [uuid.UUID("12345678123456781234567812345678"),
        uuid.UUID("urn:uuid:12345678-1234-5678-1234-567812345678"),
        uuid.UUID(bytes=u.bytes), uuid.UUID(bytes_le=u.bytes_le), uuid.UUID(fields=u.fields),
        uuid.UUID(int=u.int)]
print([x == u for x in same], len({hash(x) for x in same + [u]}), hash(u) == hash(u.int))
v = uuid.UUID(int=u.int + 1)
print(u < v, u <= v, u > v, u >= v, u != v, u == "x", u != 5, int(v) - int(u))
try:
    u < 5
except TypeError as e:
    print("TypeError", e)
print(sorted([v, u]) == [u, v])
for kwargs in [dict(), dict(hex="123"), dict(hex="g" * 32), dict(bytes=b"1"), dict(bytes_le=b"1"),
               dict(fields=(1, 2)), dict(fields=(1 << 32, 0, 0, 0, 0, 0)),
               dict(fields=(0, 1 << 16, 0, 0, 0, 0)), dict(fields=(0, 0, 0, 256, 0, 0)),
               dict(fields=(0, 0, 0, 0, 0, 1 << 48)), dict(int=-1), dict(int=1 << 128),
               dict(int=0, version=6), dict(hex="0" * 32, int=0)]:
    try:
        print(uuid.UUID(**kwargs))
    except Exception as e:
        print(kwargs, type(e).__name__, e)
try:
    u.int = 5
except TypeError as e:
    print("TypeError", e)
print(uuid.UUID(int=0, version=4), uuid.UUID(int=(1 << 128) - 1, version=1))
for n in (0, 1 << 127, 0xC << 124 >> 60, (1 << 128) - 1):
    w = uuid.UUID(int=n)
    print(w.variant, w.version)
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"))
print(uuid.uuid3(uuid.NAMESPACE_URL, "http://x"), uuid.uuid5(uuid.NAMESPACE_OID, "é"))
t(uuid.uuid3, uuid.NAMESPACE_URL, b"http://x")
t(uuid.uuid5, uuid.NAMESPACE_URL, 5)
print(uuid.uuid5(uuid.NAMESPACE_X500, "").version, uuid.uuid3(uuid.NAMESPACE_X500, "").version)
r4 = uuid.uuid4()
print(type(r4).__name__, r4.version, r4.variant, len(str(r4)), r4 != uuid.uuid4())
r1 = uuid.uuid1()
r1b = uuid.uuid1()
print(r1.version, r1.variant, r1.time < r1b.time, r1.node == r1b.node)
r1c = uuid.uuid1(node=0x123456789ABC, clock_seq=0x1234)
print(r1c.node == 0x123456789ABC, r1c.clock_seq, r1c.time > r1b.time)
print(uuid.SafeUUID.safe.value, uuid.SafeUUID.unsafe.value, uuid.SafeUUID.unknown.value,
      uuid.SafeUUID.unknown)
print(uuid.UUID(int=5, is_safe=uuid.SafeUUID.safe).is_safe)
print(uuid.RESERVED_NCS, uuid.RFC_4122, uuid.RESERVED_MICROSOFT, uuid.RESERVED_FUTURE, sep="|")

# secrets
tb = secrets.token_bytes()
print(type(tb).__name__, len(tb), len(secrets.token_bytes(5)), len(secrets.token_bytes(0)))
th = secrets.token_hex(16)
print(type(th).__name__, len(th), all(c in "0123456789abcdef" for c in th),
      len(secrets.token_hex()))
tu = secrets.token_urlsafe(16)
print(type(tu).__name__, len(tu), "=" not in tu, len(secrets.token_urlsafe()),
      len(secrets.token_urlsafe(1)))
print(all(0 <= secrets.randbelow(10) < 10 for _ in range(50)), secrets.randbelow(1))
print(all(secrets.randbits(8) < 256 for _ in range(50)), secrets.randbits(0))
print(secrets.choice("aaa"), secrets.choice([7]))
for bad in (0, -3):
    try:
        secrets.randbelow(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    secrets.choice([])
except IndexError as e:
    print("IndexError", e)
print(secrets.compare_digest(b"abc", b"abc"), secrets.compare_digest(b"abc", b"abd"),
      secrets.compare_digest("abc", "abc"), secrets.compare_digest(b"ab", b"abc"),
      secrets.compare_digest(bytearray(b"x"), b"x"))
for a, b in [("abc", b"abc"), (b"a", "a"), (1, b"a"), ("a", 1), ("é", "é"), (1, 2)]:
    try:
        secrets.compare_digest(a, b)
    except TypeError as e:
        print("TypeError", e)
sr = secrets.SystemRandom()
print(isinstance(sr, random.Random), 0 <= sr.random() < 1, 1 <= sr.randint(1, 6) <= 6,
      len(sr.sample(range(100), 5)), type(sr.getrandbits(70)).__name__)
xs = list(range(10))
sr.shuffle(xs)
print(sorted(xs) == list(range(10)))
