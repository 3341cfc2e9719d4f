# multiprocessing.Manager(): the shared types its server holds, used through proxies from the
# process that made them: dict, list, Namespace, Value, Array, Queue, Event, Lock, RLock,
# Semaphore; str() of a proxy shows its referent; errors raised in the server come back.
import multiprocessing
import queue

if __name__ == "__main__":
    with multiprocessing.Manager() as m:
        d = m.dict({"a": 1})
        d["b"] = 2
        d.update(c=3)
        print(str(d), len(d), "a" in d, d.get("zz", "default"), d.setdefault("d", 4))
        print(sorted(d.keys()), sorted(d.values()), sorted(d.items()), sorted(d))
        print(d.pop("a"), d.copy(), type(d.copy()).__name__)
        del d["b"]
        try:
            d["missing"]
        except KeyError as e:
            print("KeyError:", e)
        l = m.list([3, 1, 2])
        l.append(5)
        l.extend([0])
        l += [9]
        l.sort()
        l[0] = -1
        print(str(l), len(l), l[1:3], l.index(5), l.count(9), 2 in l, list(l), l.pop())
        try:
            l[100]
        except IndexError as e:
            print("IndexError:", e)
        ns = m.Namespace(x=1)
        ns.y = "two"
        print(ns.x, ns.y, str(ns))
        try:
            ns.nothing
        except AttributeError as e:
            print("AttributeError:", e)
        v = m.Value("i", 10)
        v.value += 5
        print(v.value, v.get())
        a = m.Array("i", [1, 2, 3])
        a[1] = 20
        print(len(a), a[1], list(a))
        q = m.Queue()
        q.put("x")
        q.put_nowait("y")
        print(q.qsize(), q.get(), q.get_nowait(), q.empty())
        try:
            q.get(timeout=0.05)
        except queue.Empty:
            print("Empty after a timeout")
        try:
            q.get_nowait()
        except queue.Empty:
            print("Empty at once")
        bounded = m.Queue(1)
        bounded.put(1)
        try:
            bounded.put(2, timeout=0.05)
        except queue.Full:
            print("Full after a timeout")
        e = m.Event()
        print(e.is_set(), e.wait(0.02))
        e.set()
        print(e.is_set(), e.wait())
        lock = m.Lock()
        print(lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.02))
        lock.release()
        with lock:
            print("locked block")
        r = m.RLock()
        with r:
            with r:
                print("re-entered the RLock")
        s = m.Semaphore(2)
        print(s.acquire(), s.acquire(), s.acquire(blocking=False))
        s.release()
        s.release()
    print("manager shut down")
