# The (blocking, timeout) arguments of Lock.acquire and RLock.acquire, with CPython 3.11's errors.
import threading

for lock in (threading.Lock(), threading.RLock()):
    name = type(lock).__name__
    for args, kwargs in [((), {"timeout": -1}), ((False, -1), {}), ((True, 0), {}),
                         ((), {"blocking": True, "timeout": 0.5})]:
        print(name, args, kwargs, "->", lock.acquire(*args, **kwargs))
        lock.release()
    for args, kwargs in [((False, 1), {}), ((), {"blocking": False, "timeout": 0}),
                         ((), {"timeout": -2}), ((), {"timeout": -0.5})]:
        try:
            lock.acquire(*args, **kwargs)
            print(name, args, kwargs, "-> acquired")
        except ValueError as e:
            print(name, args, kwargs, "ValueError:", e)
