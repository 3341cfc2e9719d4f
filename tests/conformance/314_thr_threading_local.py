# threading.local: each thread sees its own attributes; a subclass's __init__ runs again in
# each new thread; the constructor-argument error.
import threading
data = threading.local()
data.x = "main"
results = []
lock = threading.Lock()
def worker(n):
    try:
        data.x
    except AttributeError as e:
        with lock:
            results.append(("fresh", n, str(e)))
    data.x = n
    for _ in range(100):
        assert data.x == n
    with lock:
        results.append(("set", n, data.x))
threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(results))
print(data.x)
class Counter(threading.local):
    def __init__(self):
        self.count = 10
    def bump(self, n):
        self.count += n
        return self.count
c = Counter()
c.bump(1)
seen = []
def bump():
    seen.append(c.bump(5))
t = threading.Thread(target=bump); t.start(); t.join()
print(c.count, seen, isinstance(c, threading.local))
try:
    threading.local(1)
except TypeError as e:
    print("TypeError", e)
