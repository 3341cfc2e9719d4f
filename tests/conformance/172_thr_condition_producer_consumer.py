# Condition: a bounded buffer with one producer and two consumers.
import threading

cond = threading.Condition()
buffer = []
CAPACITY = 3
DONE = object()
consumed = []


def producer():
    for i in range(30):
        with cond:
            while len(buffer) >= CAPACITY:
                cond.wait()
            buffer.append(i)
            cond.notify_all()
    for _ in range(2):
        with cond:
            while len(buffer) >= CAPACITY:
                cond.wait()
            buffer.append(DONE)
            cond.notify_all()


def consumer(name):
    while True:
        with cond:
            while not buffer:
                cond.wait()
            item = buffer.pop(0)
            cond.notify_all()
        if item is DONE:
            return
        consumed.append(item)


threads = [threading.Thread(target=consumer, args=(n,)) for n in "ab"]
threads.append(threading.Thread(target=producer))
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(consumed), sorted(consumed) == list(range(30)), sum(consumed))
print("buffer", buffer)

# wait_for with a predicate, and notify(n).
ready = []
flag = []


def waiter(i):
    with cond:
        ready.append(i)
        cond.notify_all()
        cond.wait_for(lambda: flag)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for w in ws:
    w.start()
with cond:
    cond.wait_for(lambda: len(ready) == 3)
    flag.append(True)
    cond.notify(3)
for w in ws:
    w.join()
print("all woke", sorted(ready))
