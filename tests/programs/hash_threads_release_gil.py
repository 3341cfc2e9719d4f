"""Threads hashing large buffers: hashlib gives the GIL up for updates of 2,048 bytes or more,
as CPython's does, so four threads hash in parallel (the timings go to stderr); the digests are
the same whichever thread computes them."""
import hashlib
import sys
import threading
import time

BLOCK = b"gilsim" * (1 << 18)  # 1.5 MB


def digest(name, rounds):
    h = hashlib.new(name)
    for i in range(rounds):
        h.update(BLOCK)
        h.update(str(i).encode())
    return h.hexdigest()


def run(threads, rounds):
    results = [None] * threads
    def work(k):
        results[k] = digest("sha256", rounds)
    ts = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    start = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return results, time.perf_counter() - start


one, t1 = run(1, 8)
four, t4 = run(4, 8)
print("one thread:", one[0][:16])
print("four threads agree:", len(set(four)) == 1 and four[0] == one[0])
print("md5 of the block:", hashlib.md5(BLOCK).hexdigest())
print("sha1 of nothing:", hashlib.sha1().hexdigest())
print("pbkdf2:", hashlib.pbkdf2_hmac("sha256", b"secret", b"salt", 2000).hex()[:24])
print("1 thread %.3f s, 4 threads %.3f s (4x the work)" % (t1, t4), file=sys.stderr)
