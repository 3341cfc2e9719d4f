# The order of the queue classes: FIFO, LIFO, priority, and SimpleQueue (FIFO).
import queue
import threading

q = queue.Queue()
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
sq = queue.SimpleQueue()
for item in [5, 1, 4, 2, 3]:
    q.put(item)
    lq.put(item)
    pq.put(item)
    sq.put(item)
print([q.get() for _ in range(5)])
print([lq.get() for _ in range(5)])
print([pq.get() for _ in range(5)])
print([sq.get() for _ in range(5)])
print(q.empty(), lq.empty(), pq.empty(), sq.empty(), q.qsize(), sq.qsize())

for entry in [(2, "b"), (1, "z"), (2, "a"), (0, "first")]:
    pq.put(entry)
print([pq.get_nowait() for _ in range(4)])

# Items put by one thread come out in order in another.
out = []


def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        out.append(item)


t = threading.Thread(target=consumer)
t.start()
for i in range(100):
    q.put(i)
q.put(None)
t.join()
print(out == list(range(100)), len(out))
