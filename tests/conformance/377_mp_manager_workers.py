# Manager proxies shared by worker processes: passed to Process targets and through a Pool's
# queues; a Lock keeps a Namespace counter exact; a JoinableQueue with task_done and join; the
# server's process is named SyncManager-N.
import multiprocessing


def add(ns, lock, times):
    for _ in range(times):
        with lock:
            ns.count = ns.count + 1


def record(d, l, key):
    d[key] = key * key
    l.append(key)
    return key


def consume(q, results):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        results.append(item * 10)
        q.task_done()


if __name__ == "__main__":
    with multiprocessing.Manager() as m:
        print(m._process.name.startswith("SyncManager-"))
        ns = m.Namespace()
        ns.count = 0
        lock = m.Lock()
        procs = [multiprocessing.Process(target=add, args=(ns, lock, 25)) for _ in range(4)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        print("count:", ns.count, [p.exitcode for p in procs])
        d = m.dict()
        l = m.list()
        with multiprocessing.Pool(2) as pool:
            print(sorted(pool.starmap(record, [(d, l, k) for k in range(6)])))
        print(sorted(d.items()), sorted(l))
        q = m.JoinableQueue()
        results = m.list()
        workers = [multiprocessing.Process(target=consume, args=(q, results)) for _ in range(2)]
        for w in workers:
            w.start()
        for i in range(8):
            q.put(i)
        q.join()
        print(sorted(results))
        for w in workers:
            q.put(None)
        for w in workers:
            w.join()
        print("consumers:", [w.exitcode for w in workers])
