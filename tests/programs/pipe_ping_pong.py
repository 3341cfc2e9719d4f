"""Two processes play ping-pong over a multiprocessing Pipe, then a child reports through a
Queue; the parent checks the exit codes and parent_process() in the child."""

import multiprocessing


def player(conn, rounds):
    for _ in range(rounds):
        msg = conn.recv()
        conn.send(("pong", msg[1] + 1))
    conn.close()


def reporter(q):
    parent = multiprocessing.parent_process()
    q.put((multiprocessing.current_process().name, parent.name if parent else None))


if __name__ == "__main__":
    here, there = multiprocessing.Pipe()
    p = multiprocessing.Process(target=player, args=(there, 5))
    p.start()
    value = 0
    for _ in range(5):
        here.send(("ping", value))
        kind, value = here.recv()
        print(kind, value)
    p.join()
    print("player exit code:", p.exitcode)
    q = multiprocessing.Queue()
    r = multiprocessing.Process(target=reporter, args=(q,), name="reporter")
    r.start()
    print("child says:", q.get())
    r.join()
    print("main has no parent:", multiprocessing.parent_process() is None)
    print("start method:", multiprocessing.get_start_method())
