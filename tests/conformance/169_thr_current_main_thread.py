# current_thread(), main_thread(), active_count() and enumerate() from the main thread and others.
import threading

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon, main.is_alive())
print(threading.active_count(), [t.name for t in threading.enumerate()])

release = threading.Event()
ready = threading.Barrier(3)
seen = {}


def worker(key):
    me = threading.current_thread()
    seen[key] = (me.name, me is threading.main_thread(), me is main)
    ready.wait()
    release.wait()


ts = [threading.Thread(target=worker, args=(k,), name="w" + k) for k in "ab"]
for t in ts:
    t.start()
ready.wait()
print(threading.active_count())
print(sorted(t.name for t in threading.enumerate()))
print(sorted(seen.items()))
idents = [t.ident for t in ts]
print(idents[0] != idents[1], threading.get_ident() not in idents, main.ident == threading.get_ident())
release.set()
for t in ts:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])
print(threading.current_thread().name)
