# Semaphore and BoundedSemaphore.
import threading

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
s.release()
print(s.acquire(blocking=False))
s.release(2)
print(s.acquire(False), s.acquire(False), s.acquire(False))
s.release(3)  # a plain semaphore may go above its initial value
print([s.acquire(False) for _ in range(4)])

try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    s.release(0)
except ValueError as e:
    print("ValueError:", e)
try:
    s.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
b.acquire()
b.acquire()
try:
    b.release(3)
except ValueError as e:
    print("ValueError:", e)
b.release(2)
print("bounded ok")

# At most two of five threads inside at once.
gate = threading.BoundedSemaphore(2)
inside = [0]
most = [0]
lock = threading.Lock()


def worker():
    with gate:
        with lock:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        for _ in range(2000):
            pass
        with lock:
            inside[0] -= 1


ts = [threading.Thread(target=worker) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("most inside <= 2:", most[0] <= 2, "now inside:", inside[0])
