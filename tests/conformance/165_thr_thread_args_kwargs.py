# threading.Thread with positional and keyword arguments; results collected in a list.
import threading

results = []


def worker(a, b, scale=1, label="?"):
    results.append((label, (a + b) * scale))


t1 = threading.Thread(target=worker, args=(1, 2))
t2 = threading.Thread(target=worker, args=(3, 4), kwargs={"scale": 10, "label": "kw"})
t3 = threading.Thread(target=worker, kwargs={"a": 5, "b": 6, "label": "all-kw"})
t4 = threading.Thread(target=worker, args=[7, 8], kwargs={"label": "list-args"})
for t in (t1, t2, t3, t4):
    t.start()
    t.join()
for r in results:
    print(r)

# A target that is not given runs nothing; run() of the base class returns None.
t = threading.Thread()
t.start()
t.join()
print("no target:", t.is_alive())
