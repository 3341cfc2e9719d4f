# Value, Array, Lock, Semaphore and Event shared between processes.
import multiprocessing


def count(total, hits, lock, n):
    for i in range(n):
        with total.get_lock():
            total.value += 1
        with lock:
            hits[multiprocessing.current_process().name == "a"] += 1


def signal_ready(event, ratio):
    ratio.value = ratio.value * 2.5
    event.set()


if __name__ == "__main__":
    total = multiprocessing.Value("i", 0)
    hits = multiprocessing.Array("i", 2)
    lock = multiprocessing.Lock()
    workers = [multiprocessing.Process(target=count, args=(total, hits, lock, 200), name=name)
               for name in ("a", "b")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=20)
    print(total.value, hits[:], len(hits), list(hits))

    a = multiprocessing.Array("d", [0.5, 1.5, 2.5])
    a[1] = 10.25
    print(a[0], a[1], a[-1], a[1:])
    c = multiprocessing.Value("c", b"x")
    print(c.value)
    v = multiprocessing.Value("d", 1.0, lock=False)
    print(v.value)

    event = multiprocessing.Event()
    ratio = multiprocessing.Value("d", 2.0)
    print(event.is_set(), event.wait(0.01))
    p = multiprocessing.Process(target=signal_ready, args=(event, ratio))
    p.start()
    print(event.wait(20), event.is_set(), ratio.value)
    p.join(timeout=20)
    event.clear()
    print(event.is_set())

    s = multiprocessing.Semaphore(2)
    print(s.acquire(), s.acquire(), s.acquire(timeout=0.01))
    s.release()
    print(s.get_value())
    lock = multiprocessing.Lock()
    print(lock.acquire(), lock.acquire(False), lock.acquire(True, 0.01))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print("ValueError:", e)
    r = multiprocessing.RLock()
    with r:
        with r:
            print("reentered")
    # Shared memory travels only to children that inherit it.
    a, b = multiprocessing.Pipe()
    for obj in (multiprocessing.Lock(), multiprocessing.Value("i", 1)):
        try:
            a.send(obj)
        except RuntimeError as e:
            print("RuntimeError:", e)
