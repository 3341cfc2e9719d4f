# Pickling for multiprocessing stops at the recursion limit with CPython's RecursionError
# (issue 15: deep data must raise, never crash); data within the limit crosses to a child and
# back intact, and the raised limit lets deeper data through (1,200 deep: under ASan a level of
# the pickler takes some 4 KiB of C++ stack).
import multiprocessing as mp
import sys


def nest(n, make=lambda x: [x]):
    x = []
    for _ in range(n):
        x = make(x)
    return x


def depth(x):
    d = 0
    while x:
        x = x[0] if not isinstance(x, dict) else x["k"]
        d += 1
    return d


def echo(conn):
    while True:
        item = conn.recv()
        if item is None:
            break
        conn.send(item)


if __name__ == "__main__":
    a, b = mp.Pipe()
    for name, make in [("list", lambda x: [x]), ("tuple", lambda x: (x,)), ("dict", lambda x: {"k": x})]:
        try:
            a.send(nest(20000, make))
            print(name, "sent")
        except RecursionError as e:
            print(name, "RecursionError:", e)
    child = mp.Process(target=echo, args=(b,))
    child.start()
    for n in (10, 300):
        a.send(nest(n))
        print("round trip", n, depth(a.recv()))
    a.send(None)
    child.join()
    print("child exit", child.exitcode)
    sys.setrecursionlimit(5000)
    c, d = mp.Pipe()
    c.send(nest(1200))
    print("raised limit", depth(d.recv()))
