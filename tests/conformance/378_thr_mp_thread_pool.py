# multiprocessing.pool.ThreadPool: Pool's interface over threads (nothing is serialized, so
# lambdas and local functions work): map, starmap, imap, imap_unordered, apply, apply_async with
# callbacks and errors, close/join and the context manager.
import threading
import multiprocessing.pool
from multiprocessing.pool import ThreadPool

print(multiprocessing.pool.ThreadPool is ThreadPool)
with ThreadPool(3) as pool:
    print(pool.map(lambda x: x * x, range(10)))
    print(pool.map(len, ["a", "bb", "ccc"], chunksize=2))
    print(pool.starmap(pow, [(2, 5), (3, 3)]))
    print(list(pool.imap(str.upper, ["x", "y", "z"])))
    print(sorted(pool.imap_unordered(abs, [-3, 1, -2])))
    print(pool.apply(divmod, (17, 5)))
    got = []
    r = pool.apply_async(sum, ([1, 2, 3],), callback=got.append)
    print(r.get(timeout=5), r.ready(), r.successful(), got)
    errors = []
    r = pool.apply_async(int, ("nope",), error_callback=errors.append)
    try:
        r.get(timeout=5)
    except ValueError as e:
        print("ValueError:", e)
    print(type(errors[0]).__name__, r.successful())
    names = set(pool.map(lambda _: threading.current_thread() is threading.main_thread(), range(6)))
    print("ran in the main thread:", names)

pool = ThreadPool(2)
results = [pool.apply_async(pow, (2, i)) for i in range(5)]
pool.close()
pool.join()
print([r.get() for r in results])
try:
    pool.apply_async(pow, (1, 1))
except ValueError as e:
    print("ValueError:", e)
