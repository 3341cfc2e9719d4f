import multiprocessing as mp
import os

def f(x):
    if x == 2:
        raise ValueError("two")
    return x * x

def pid_of(x):
    return os.getpid()

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        it = pool.imap(f, range(5))
        out = []
        while True:
            try:
                out.append(next(it))
            except StopIteration:
                break
            except ValueError as e:
                out.append("err:" + str(e))
        print(out)
        got = []
        it = pool.imap_unordered(f, range(5))
        for _ in range(5):
            try:
                got.append(next(it))
            except ValueError as e:
                got.append(-1)
        print(sorted(got))
    with mp.Pool(2, maxtasksperchild=1) as pool:
        pids = pool.map(pid_of, range(6), chunksize=1)
        print(len(set(pids)) >= 3)
    try:
        mp.Pool(1, maxtasksperchild=0)
    except ValueError as e:
        print(e)
