# Queue, SimpleQueue and Pipe between processes: objects arrive whole and in order, gets honour
# their timeouts, and connections refuse the wrong direction with CPython's errors.
import multiprocessing
import queue


def produce(q, n):
    for i in range(n):
        q.put({"item": i, "square": i * i, "tag": ("x", [i])})
    q.put(None)


def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(("echo", msg))
    conn.close()


def fill(sq):
    sq.put([1, 2.5, "three", b"four", 2**100])


if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=produce, args=(q, 5))
    p.start()
    items = []
    while True:
        item = q.get(timeout=20)
        if item is None:
            break
        items.append(item)
    p.join(timeout=20)
    print(items)
    print(q.empty())
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("Empty after timeout")
    try:
        q.get_nowait()
    except queue.Empty:
        print("Empty without waiting")
    q.put("local")
    print(q.get(timeout=20))

    here, there = multiprocessing.Pipe()
    p = multiprocessing.Process(target=echo, args=(there,))
    p.start()
    for msg in [1, "two", (3, [4])]:
        here.send(msg)
        print(here.recv())
    here.send(None)
    p.join(timeout=20)
    print(here.poll(0.01))

    reader, writer = multiprocessing.Pipe(duplex=False)
    writer.send("one way")
    print(reader.poll(), reader.recv())
    try:
        reader.send("wrong way")
    except OSError as e:
        print("OSError:", e)
    try:
        writer.recv()
    except OSError as e:
        print("OSError:", e)
    writer.close()
    try:
        writer.send(1)
    except OSError as e:
        print("OSError:", e)
    try:
        reader.recv()
    except EOFError:
        print("EOFError after the writer closed")

    sq = multiprocessing.SimpleQueue()
    p = multiprocessing.Process(target=fill, args=(sq,))
    p.start()
    print(sq.get())
    p.join(timeout=20)
    print(sq.empty())
