# Threads finish in an order forced by events; join() waits, and the results list shows the order
# in which they really ran, whatever the order of the joins.
import threading

order = []
events = [threading.Event() for _ in range(4)]


def stage(i):
    events[i].wait()
    order.append(i)
    if i + 1 < len(events):
        events[i + 1].set()


threads = [threading.Thread(target=stage, args=(i,)) for i in range(4)]
for t in reversed(threads):
    t.start()
print("started", [t.is_alive() for t in threads])
events[0].set()
for t in reversed(threads):
    t.join()
print("order", order)
print("alive", [t.is_alive() for t in threads])

# Results by index: each thread writes its own slot.
slots = [None] * 5


def fill(i):
    slots[i] = sum(range(i * 1000))


workers = [threading.Thread(target=fill, args=(i,)) for i in range(5)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(slots)

# join() on a finished thread returns at once, and can be repeated.
workers[0].join()
workers[0].join(timeout=0)
print("joined again")
