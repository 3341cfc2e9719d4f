import multiprocessing as mp
import time

def barrier_worker(barrier, log, lock, i):
    index = barrier.wait()
    with lock:
        log.value += 1

def cond_consumer(cond, items, done):
    with cond:
        while items.value == 0:
            cond.wait()
        items.value -= 1
        done.value += 1

def fill(arr):
    arr.value = b"spam"

if __name__ == "__main__":
    for method in ("fork", "spawn"):
        ctx = mp.get_context(method)
        barrier = ctx.Barrier(3)
        log = ctx.Value("i", 0)
        lock = ctx.Lock()
        ps = [ctx.Process(target=barrier_worker, args=(barrier, log, lock, i)) for i in range(3)]
        for p in ps: p.start()
        for p in ps: p.join()
        print(method, "barrier", log.value, barrier.broken, barrier.parties, barrier.n_waiting)
        cond = ctx.Condition()
        items = ctx.Value("i", 0)
        done = ctx.Value("i", 0)
        ps = [ctx.Process(target=cond_consumer, args=(cond, items, done)) for _ in range(3)]
        for p in ps: p.start()
        time.sleep(0.2)
        with cond:
            items.value = 3
            cond.notify_all()
        for p in ps: p.join()
        print(method, "condition", done.value, items.value)
        with cond:
            print(cond.wait(0.05))
    arr = mp.Array("c", b"hello")
    print(arr.value, arr.raw, len(arr))
    p = mp.Process(target=fill, args=(arr,)); p.start(); p.join()
    print(arr.value, arr.raw)
    raw = mp.RawArray("i", [1, 2, 3]); raw[0:2] = [9, 8]; print(raw[:])
    rv = mp.RawValue("d", 1.5); rv.value += 1; print(rv.value)
    b = mp.Barrier(2, timeout=0.05)
    try:
        b.wait()
    except Exception as e:
        print(type(e).__name__, b.broken)
