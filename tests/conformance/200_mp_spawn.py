# The spawn start method: the child is a fresh interpreter that imports this script as
# __mp_main__ (so the top level runs again, guarded by __name__), then calls the target by name.
import multiprocessing
import os

print("top level runs as", __name__)


def report(q, value, label="spawned"):
    q.put((label, __name__, multiprocessing.current_process().name, value.value))
    value.value += 1


class Payload:
    def __init__(self, items):
        self.items = items


def unpack(q, payload):
    q.put(sum(payload.items))


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    print(multiprocessing.get_start_method())
    q = multiprocessing.Queue()
    value = multiprocessing.Value("i", 41)
    p = multiprocessing.Process(target=report, args=(q, value), kwargs={"label": "child"})
    p.start()
    print(q.get(timeout=20))
    p.join(timeout=20)
    print(p.exitcode, value.value)
    p = multiprocessing.Process(target=unpack, args=(q, Payload([1, 2, 3])))
    p.start()
    print(q.get(timeout=20))
    p.join(timeout=20)
    print(p.exitcode)
    try:
        multiprocessing.Process(target=lambda: None).start()
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
