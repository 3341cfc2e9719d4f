"""Processes incrementing shared memory: a multiprocessing.Value with its lock (no lost
updates) and an Array each process fills a slice of."""

import multiprocessing


def add(counter, times):
    for _ in range(times):
        with counter.get_lock():
            counter.value += 1


def fill(array, start, stop):
    for i in range(start, stop):
        array[i] = i * i


if __name__ == "__main__":
    counter = multiprocessing.Value("i", 0)
    procs = [multiprocessing.Process(target=add, args=(counter, 200)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("counter:", counter.value)
    squares = multiprocessing.Array("i", 12)
    procs = [multiprocessing.Process(target=fill, args=(squares, i, i + 4)) for i in (0, 4, 8)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("squares:", list(squares))
    total = multiprocessing.Value("d", 0.5)
    print("double:", total.value)
