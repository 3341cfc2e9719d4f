# Lock: acquire(False), acquire with a timeout on a held lock, locked(), the with statement.
import threading

lock = threading.Lock()
print(lock.locked(), lock.acquire(), lock.locked())
print("again, non-blocking:", lock.acquire(False))
print("again, blocking=False:", lock.acquire(blocking=False))
print("again, timeout 0.01:", lock.acquire(timeout=0.01))
print("again, True, 0.01:", lock.acquire(True, 0.01))
lock.release()
print(lock.locked(), lock.acquire(False))
lock.release()

with lock:
    print("inside", lock.locked())
print("outside", lock.locked())

try:
    with lock:
        raise KeyError("k")
except KeyError:
    print("released after an exception:", not lock.locked())

# Another thread sees the lock held, and a lock can be released by a thread that did not take it.
lock.acquire()
got = []
t = threading.Thread(target=lambda: got.append(lock.acquire(timeout=0.01)))
t.start()
t.join()
print("other thread got it:", got)
t = threading.Thread(target=lock.release)
t.start()
t.join()
print("released by another thread:", lock.locked())

try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
print(type(lock).__name__ in ("lock", "LockType"))
