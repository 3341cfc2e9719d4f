# The low-level _thread module: start_new_thread, allocate_lock, get_ident, _count.
import _thread
import time

results = []
done = _thread.allocate_lock()
done.acquire()


def worker(a, b, sep="-"):
    results.append(sep.join([a, b]))
    results.append(_thread.get_ident() != main_ident)
    done.release()


main_ident = _thread.get_ident()
ident = _thread.start_new_thread(worker, ("x", "y"), {"sep": "+"})
done.acquire()
print(results, isinstance(ident, int))
while _thread._count():
    time.sleep(0.001)
print("count", _thread._count())
print(isinstance(done, _thread.LockType), _thread.error is RuntimeError)

for args in [(1, ()), (worker, [1]), (worker, (), [])]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError:", e)
