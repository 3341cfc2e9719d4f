# Weak references across threads: the callback runs in the thread that drops the last reference.
import threading
import weakref


class Job:
    def __init__(self, n):
        self.n = n


log = []


def on_death(r):
    log.append(("died", threading.current_thread().name))


job = Job(1)
r = weakref.ref(job, on_death)
box = [job]
del job


def worker():
    seen = r() is not None
    item = box.pop()
    del item
    log.append(("worker after del", seen, r() is None))


t = threading.Thread(target=worker, name="worker-1")
t.start()
t.join()
print(log)

# Many threads share one WeakValueDictionary; values die in whichever thread lets them go.
registry = weakref.WeakValueDictionary()
lock = threading.Lock()
deaths = []


def make(i):
    objs = [Job(i * 10 + k) for k in range(5)]
    for o in objs:
        with lock:
            registry[o.n] = o
    refs = [weakref.ref(o, lambda r, name=threading.current_thread().name: deaths.append(name))
            for o in objs]
    keep = objs[:2]
    del objs, o
    with lock:
        alive = sorted(k for k in registry if k // 10 == i)
    holder[i] = keep
    results[i] = (alive, refs[2]() is None, refs[0]() is not None)


holder = {}
results = {}
threads = [threading.Thread(target=make, args=(i,), name="t%d" % i) for i in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
for i in range(4):
    print(i, results[i])
print(len(registry), sorted(registry))
print(sorted(set(deaths)), len(deaths))
holder.clear()
print(len(registry), len(deaths), deaths.count("MainThread"))

# A weak reference made in one thread and read in another.
shared = Job(99)
ref_box = []
t = threading.Thread(target=lambda: ref_box.append(weakref.ref(shared)))
t.start()
t.join()
print(ref_box[0]() is shared, weakref.getweakrefcount(shared))
del shared
print(ref_box[0]())
