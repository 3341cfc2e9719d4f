# A worker process that dies breaks a ProcessPoolExecutor: the futures running or pending get
# BrokenProcessPool, and so does every later submit.
import os
from concurrent.futures import ProcessPoolExecutor, BrokenExecutor
from concurrent.futures.process import BrokenProcessPool


def die():
    os._exit(3)


if __name__ == "__main__":
    pool = ProcessPoolExecutor(max_workers=2)
    f = pool.submit(die)
    try:
        f.result()
    except BrokenProcessPool as e:
        print("BrokenProcessPool:", e)
        print(isinstance(e, BrokenExecutor), isinstance(e, RuntimeError))
    try:
        pool.submit(pow, 2, 2)
    except BrokenProcessPool as e:
        print("submit:", e)
    pool.shutdown()
    print("shut down")
