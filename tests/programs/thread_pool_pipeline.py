"""multiprocessing.pool.ThreadPool for I/O-bound stages: map, imap keeping order,
imap_unordered collected into a sorted list, and apply_async with a callback."""

import time
from multiprocessing.pool import ThreadPool


def lookup(host):
    time.sleep(0.01)
    return host, sum(ord(c) for c in host) % 256


def size_of(pair):
    host, last = pair
    return "%s=10.0.0.%d" % (host, last)


HOSTS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]
with ThreadPool(4) as pool:
    pairs = pool.map(lookup, HOSTS)
    print(pairs)
    print(list(pool.imap(size_of, pairs)))
    print(sorted(pool.imap_unordered(len, HOSTS)))
    got = []
    result = pool.apply_async(lookup, ("golf",), callback=got.append)
    result.wait()
    print(result.get(), result.successful(), got)
