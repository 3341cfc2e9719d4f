"""Producers and consumers around queue.Queue: bounded, joined with task_done, stopped by
sentinels. Each consumer's share depends on scheduling, so only totals are printed."""

import queue
import threading

STOP = object()
work = queue.Queue(maxsize=5)
results = queue.Queue()


def producer(name, count):
    for i in range(count):
        work.put((name, i))


def consumer():
    handled = 0
    while True:
        item = work.get()
        if item is STOP:
            work.task_done()
            break
        name, i = item
        results.put((name, i, i * i))
        handled += 1
        work.task_done()
    results.put(("done", handled, 0))


producers = [threading.Thread(target=producer, args=(name, 20)) for name in ("p1", "p2", "p3")]
consumers = [threading.Thread(target=consumer) for _ in range(4)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
work.join()
for _ in consumers:
    work.put(STOP)
for t in consumers:
    t.join()

items = []
handled = 0
while not results.empty():
    name, i, value = results.get()
    if name == "done":
        handled += i
    else:
        items.append((name, i, value))
print("items:", len(items), "handled:", handled)
print("per producer:", {p: sum(1 for n, _, _ in items if n == p) for p in ("p1", "p2", "p3")})
print("every item once:",
      all(sorted(i for n, i, _ in items if n == p) == list(range(20)) for p in ("p1", "p2", "p3")))
print("sum of squares:", sum(v for _, _, v in items))
