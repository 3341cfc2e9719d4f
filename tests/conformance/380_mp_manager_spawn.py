# Manager proxies under the spawn start method: the server process and the workers are fresh
# interpreters, and a proxy given to a spawned Process reaches the same shared objects.
import multiprocessing


def work(d, l, lock, key):
    with lock:
        d[key] = key.upper()
        l.append(len(key))


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as m:
        d = m.dict()
        l = m.list()
        lock = m.Lock()
        procs = [ctx.Process(target=work, args=(d, l, lock, k)) for k in ("ab", "cde", "f")]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        print(sorted(d.items()), sorted(l), [p.exitcode for p in procs])
