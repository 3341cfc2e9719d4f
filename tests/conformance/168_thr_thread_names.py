# Default thread names: one counter for all threads, "Thread-N (target)" when there is a target.
import threading


def worker():
    pass


def other():
    pass


a = threading.Thread(target=worker)
b = threading.Thread(target=other)
c = threading.Thread()
d = threading.Thread(target=worker, name="custom")
e = threading.Thread(target=lambda: None)
f = threading.Thread(name="")
print(a.name)
print(b.name)
print(c.name)
print(d.name)
print(e.name)
print(f.name)

# Names can change, and are converted to str.
a.name = "renamed"
print(a.name, a.getName())
a.setName(42)
print(repr(a.name))
g = threading.Thread(name=7)
print(repr(g.name))

seen = []


def record():
    seen.append(threading.current_thread().name)


for t in [threading.Thread(target=record), threading.Thread(target=record, name="named")]:
    t.start()
    t.join()
print(seen)
