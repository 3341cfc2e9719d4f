# A three-stage pipeline over queues; the output keeps the input order.
import queue
import threading

STOP = None
q1 = queue.Queue()
q2 = queue.Queue(maxsize=2)
results = []


def double():
    while True:
        item = q1.get()
        if item is STOP:
            q2.put(STOP)
            return
        q2.put(item * 2)


def collect():
    while True:
        item = q2.get()
        if item is STOP:
            return
        results.append(item + 1)


stages = [threading.Thread(target=double), threading.Thread(target=collect)]
for s in stages:
    s.start()
for i in range(50):
    q1.put(i)
q1.put(STOP)
for s in stages:
    s.join()
print(results[:5], results[-3:], len(results))
print(results == [2 * i + 1 for i in range(50)])

# Results by priority from several producers.
pq = queue.PriorityQueue()


def produce(base):
    for i in range(5):
        pq.put((base + i * 10, "p%d" % base))


ps = [threading.Thread(target=produce, args=(b,)) for b in (3, 1, 2)]
for p in ps:
    p.start()
for p in ps:
    p.join()
print([pq.get()[0] for _ in range(15)])
