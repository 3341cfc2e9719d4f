# Many threads contend for one Lock; each critical section sees a consistent pair.
import threading

lock = threading.Lock()
pair = [0, 0]
bad = []


def worker():
    for _ in range(3000):
        with lock:
            a = pair[0]
            b = pair[1]
            if a != b:
                bad.append((a, b))
            pair[0] = a + 1
            len(pair)  # a call between the two writes
            pair[1] = b + 1


threads = [threading.Thread(target=worker) for _ in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(pair, bad)

# Try-locks from several threads: every acquire(False) that succeeded was released.
taken = [0]
tl = threading.Lock()


def trier():
    for _ in range(500):
        if tl.acquire(False):
            taken[0] += 1
            tl.release()


threads = [threading.Thread(target=trier) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(taken[0] > 0, tl.locked())
