"""A bounded buffer written with one Lock and two Conditions (not_full, not_empty): producers
block when it is full, consumers when it is empty; the high-water mark never passes the bound."""

import threading


class BoundedBuffer:
    def __init__(self, capacity):
        self.items = []
        self.capacity = capacity
        self.lock = threading.Lock()
        self.not_full = threading.Condition(self.lock)
        self.not_empty = threading.Condition(self.lock)
        self.high_water = 0

    def put(self, item):
        with self.not_full:
            while len(self.items) >= self.capacity:
                self.not_full.wait()
            self.items.append(item)
            self.high_water = max(self.high_water, len(self.items))
            self.not_empty.notify()

    def get(self):
        with self.not_empty:
            while not self.items:
                self.not_empty.wait()
            item = self.items.pop(0)
            self.not_full.notify()
            return item


buffer = BoundedBuffer(3)
consumed = []
consumed_lock = threading.Lock()


def produce(base):
    for i in range(25):
        buffer.put(base + i)


def consume(count):
    for _ in range(count):
        item = buffer.get()
        with consumed_lock:
            consumed.append(item)


producers = [threading.Thread(target=produce, args=(base,)) for base in (0, 100)]
consumers = [threading.Thread(target=consume, args=(25,)) for _ in range(2)]
for t in producers + consumers:
    t.start()
for t in producers + consumers:
    t.join()
print("consumed:", len(consumed), "distinct:", len(set(consumed)))
print("sum:", sum(consumed), "bound held:", buffer.high_water <= 3)
print("left in buffer:", buffer.items)
