"""Worker processes sharing state through a multiprocessing Manager: a dict of results, a list
of log lines, a Namespace counter under the manager's Lock, and a work Queue."""

import multiprocessing


def worker(ident, tasks, results, log, ns, lock):
    while True:
        item = tasks.get()
        if item is None:
            break
        results[item] = sum(i * i for i in range(item))
        with lock:
            ns.processed += 1
        log.append("task %d" % item)


if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        tasks = manager.Queue()
        results = manager.dict()
        log = manager.list()
        ns = manager.Namespace()
        ns.processed = 0
        lock = manager.Lock()
        for n in range(10, 30):
            tasks.put(n)
        workers = [multiprocessing.Process(target=worker,
                                           args=(i, tasks, results, log, ns, lock))
                   for i in range(3)]
        for w in workers:
            tasks.put(None)
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print("processed:", ns.processed, "results:", len(results), "log lines:", len(log))
        for key in sorted(results.keys())[:5]:
            print(key, results[key])
        print(sorted(log)[:3])
        print("exit codes:", [w.exitcode for w in workers])
