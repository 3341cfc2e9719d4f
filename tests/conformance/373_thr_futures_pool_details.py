# ThreadPoolExecutor details: the default max_workers (min(32, cpu_count + 4)), thread names
# from thread_name_prefix, the initializer running once per thread, a failing initializer
# breaking the pool (BrokenThreadPool), and work submitted but never waited for finishing before
# the program ends.
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor, BrokenExecutor
from concurrent.futures.thread import BrokenThreadPool

print(ThreadPoolExecutor()._max_workers == min(32, os.cpu_count() + 4))

inits = []


def init(tag):
    inits.append(tag)


with ThreadPoolExecutor(max_workers=2, thread_name_prefix="worker", initializer=init,
                        initargs=("ready",)) as pool:
    names = set()
    for _ in range(2):
        names.update(pool.map(lambda _: threading.current_thread().name, range(2)))
    print(all(n in ("worker_0", "worker_1") for n in names), set(inits))


def bad_init():
    raise OSError("no database")


pool = ThreadPoolExecutor(max_workers=1, initializer=bad_init)
f = pool.submit(pow, 2, 3)
try:
    f.result()
except BrokenThreadPool as e:
    print("BrokenThreadPool:", e, isinstance(e, BrokenExecutor))
try:
    pool.submit(pow, 2, 3)
except BrokenThreadPool as e:
    print("submit:", e)

late = ThreadPoolExecutor(max_workers=1)


def finish(n):
    time.sleep(0.05)
    print("finished", n)


for n in range(3):
    late.submit(finish, n)
print("main ends")
