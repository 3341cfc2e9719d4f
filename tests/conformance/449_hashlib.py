import hashlib
print(hashlib.sha256(b"abc").hexdigest())
h = hashlib.md5()
h.update(b"a" * 5000); h.update(bytearray(b"xyz"))
print(h.hexdigest(), h.name, h.digest_size, h.block_size)
c = h.copy(); c.update(b"more"); print(c.hexdigest() != h.hexdigest())
print(hashlib.new("SHA1", b"x").hexdigest(), hashlib.sha3_256(b"").hexdigest()[:16])
print(hashlib.shake_128(b"x").hexdigest(10), hashlib.blake2b(b"x").hexdigest()[:16], hashlib.blake2s(b"x").digest_size)
print(hashlib.pbkdf2_hmac("sha256", b"pw", b"salt", 1000).hex()[:32], len(hashlib.pbkdf2_hmac("sha1", b"pw", b"s", 2, 50)))
print(sorted(hashlib.algorithms_guaranteed))
for bad in [lambda: hashlib.sha256("str"), lambda: hashlib.new("nope"), lambda: hashlib.sha256(5), lambda: hashlib.shake_128(b"").hexdigest()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
