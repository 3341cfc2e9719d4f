# ThreadPoolExecutor: submit and result, exceptions carried back to result() and exception(),
# map in order (several iterables, the shortest wins), as_completed, the context manager, the
# Future's states and the executor's errors.
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed, Future, CancelledError


def square(x):
    return x * x


def fail(message):
    raise KeyError(message)


with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(square, i) for i in range(8)]
    print([f.result() for f in futures])
    print(sorted(f.result() for f in as_completed(futures)))
    print(list(pool.map(square, range(6))))
    print(list(pool.map(pow, [2, 3, 4], [5, 6])))
    print(list(pool.map(square, [])))
    f = pool.submit(fail, "missing")
    try:
        f.result()
    except KeyError as e:
        print("KeyError from result():", e)
    print("exception():", repr(f.exception()), f.done(), f.running(), f.cancelled())
    ok = pool.submit(str.upper, "done")
    print(ok.result(), ok.exception(), ok.done())
    print(pool.submit(lambda a, b=1, *, c=2: (a, b, c), 0, c=5).result())
    names = set(pool.map(lambda _: threading.current_thread().name.rsplit("_", 1)[0], range(6)))
    print("threads named like", [n.split("-")[0] for n in names])

try:
    pool.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)
try:
    ThreadPoolExecutor(initializer=5)
except TypeError as e:
    print("TypeError:", e)

f = Future()
print(f.done(), f.running(), f.cancel(), f.cancelled(), f.done())
try:
    f.result()
except CancelledError:
    print("CancelledError from result()")
f = Future()
print(f.set_running_or_notify_cancel(), f.running(), f.cancel())
f.set_result(42)
print(f.result(), f.done())
