# Process names and relations as CPython's: MainProcess, Process-N in creation order, a given
# name, ForkPoolWorker-N in a Pool; parent_process() in a child and None in the main process;
# get_start_method/set_start_method.
import multiprocessing


def report(q):
    me = multiprocessing.current_process()
    parent = multiprocessing.parent_process()
    q.put((me.name, parent.name, parent.pid == PARENT_PID[0]))


def pool_name(_):
    return multiprocessing.current_process().name.rsplit("-", 1)[0]


PARENT_PID = [None]

if __name__ == "__main__":
    import os
    PARENT_PID[0] = os.getpid()
    print(multiprocessing.current_process().name, multiprocessing.parent_process())
    q = multiprocessing.Queue()
    for name in (None, "custom", None):
        p = multiprocessing.Process(target=report, args=(q,), name=name)
        p.start()
        print(q.get())
        p.join()
    with multiprocessing.Pool(2) as pool:
        print(set(pool.map(pool_name, range(4))))
    print(multiprocessing.get_start_method())
    try:
        multiprocessing.set_start_method("spawn")
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        multiprocessing.set_start_method("teleport", force=True)
    except ValueError as e:
        print("ValueError:", e)
    multiprocessing.set_start_method("fork", force=True)
    print(multiprocessing.get_start_method(), multiprocessing.get_context("spawn").get_start_method())
