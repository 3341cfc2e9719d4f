# Subclassing Thread and overriding run(); attributes set in __init__ are seen in run().
import threading


class Squarer(threading.Thread):
    def __init__(self, values):
        super().__init__(name="squarer")
        self.values = values
        self.out = None

    def run(self):
        self.out = [v * v for v in self.values]


class Counter(threading.Thread):
    count = 0

    def run(self):
        for _ in range(1000):
            Counter.count += 1


s = Squarer([1, 2, 3, 4])
print(s.name, s.is_alive(), s.out)
s.start()
s.join()
print(s.name, s.is_alive(), s.out)

cs = [Counter() for _ in range(3)]
for c in cs:
    c.start()
for c in cs:
    c.join()
print("count", Counter.count)
print([c.name for c in cs])
print(isinstance(s, threading.Thread), type(s).__name__)


class Forgot(threading.Thread):
    def __init__(self):
        pass


try:
    Forgot().start()
except RuntimeError as e:
    print("RuntimeError:", e)
