# Uses the example extension primes.so (built from primes.c next to this script).
import threading
import time

import primes

print(primes.describe())
print(primes.count_primes(100), primes.count_primes_holding(100))


def run(fn, threads):
    results = []
    workers = [threading.Thread(target=lambda: results.append(fn(200000))) for _ in range(threads)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return results, time.perf_counter() - start


results, _ = run(primes.count_primes, 2)
print("releasing:", results)
results, _ = run(primes.count_primes_holding, 2)
print("holding:", results)
try:
    primes.count_primes(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    primes.count_primes("ten")
except TypeError as e:
    print("TypeError:", e)
