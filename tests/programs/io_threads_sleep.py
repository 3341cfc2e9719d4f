"""I/O-bound threads: each 'download' sleeps, which releases the GIL, so ten of them overlap.
The results are gathered in submission order; the elapsed time (about 0.1 s, not 1 s) goes to
stderr."""

import sys
import threading
import time

URLS = ["https://example.org/page/%d" % i for i in range(10)]


def fetch(url, results, index):
    time.sleep(0.1)
    results[index] = (url, len(url) * 7)


results = [None] * len(URLS)
threads = [threading.Thread(target=fetch, args=(u, results, i), name="fetch-%d" % i)
           for i, u in enumerate(URLS)]
start = time.monotonic()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
for url, size in results:
    print(url, size)
sys.stderr.write("elapsed %.3f s for %d sleeps of 0.1 s\n" % (elapsed, len(URLS)))
print("names:", sorted(t.name for t in threads)[:3])
