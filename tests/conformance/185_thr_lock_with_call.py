# A function call between the read and the write is a switch point: a Lock keeps the update whole.
import sys
import threading

# Switch often (every 10 us), so an unlocked version would lose updates.
sys.setswitchinterval(0.00001)
counter = 0
lock = threading.Lock()


def identity(x):
    return x


def work():
    global counter
    for _ in range(20000):
        with lock:
            value = counter
            value = identity(value)
            counter = value + 1


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)

# The same with acquire/release and an RLock.
total = [0]
rlock = threading.RLock()


def work2(step):
    for _ in range(5000):
        rlock.acquire()
        try:
            v = identity(total[0])
            total[0] = identity(v + step)
        finally:
            rlock.release()


threads = [threading.Thread(target=work2, args=(s,)) for s in (1, 2, 3, 4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total[0])
