# multiprocessing.Process with the fork start method: target, args and kwargs, names, exit codes,
# is_alive, subclasses overriding run(), and CPython's assertions on misuse.
import multiprocessing
import os


def greet(greeting, name="world"):
    print(greeting, name, "from", multiprocessing.current_process().name, flush=True)


class Worker(multiprocessing.Process):
    def __init__(self, value):
        super().__init__()
        self.value = value

    def run(self):
        print("run() of", self.name, "got", self.value, flush=True)


if __name__ == "__main__":
    print(multiprocessing.current_process().name)
    print(multiprocessing.cpu_count() == os.cpu_count())
    print(multiprocessing.get_start_method())
    p = multiprocessing.Process(target=greet, args=("hello",), kwargs={"name": "child"})
    print(p.name, p.exitcode, p.is_alive(), p.daemon)
    p.start()
    p.join(timeout=20)
    print(p.exitcode, p.is_alive(), isinstance(p.pid, int), p.pid != os.getpid())
    try:
        p.start()
    except AssertionError as e:
        print("AssertionError:", e)
    q = multiprocessing.Process(target=greet, args=("hi",), name="custom", daemon=True)
    print(q.name, q.daemon)
    try:
        q.join()
    except AssertionError as e:
        print("AssertionError:", e)
    q.start()
    q.join(timeout=20)
    print(q.exitcode)
    w = Worker(42)
    print(w.name)
    w.start()
    w.join(timeout=20)
    print(w.exitcode, multiprocessing.active_children())
