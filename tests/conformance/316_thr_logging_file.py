# logging: a FileHandler shared by threads (one lock per handler: whole lines, none lost), the
# thread and process fields, delay=True, close.
import logging, os, threading
# One file per process: thread scripts also run under every GIL policy at once.
# The pid and an object's address: a simulated run's pid is the same in every run, its addresses
# are not, and this script runs under several policies at once.
path = "/tmp/gilsim_conformance_316_%d_%x.log" % (os.getpid(), id(object()))
handler = logging.FileHandler(path, mode="w")
handler.setFormatter(logging.Formatter("%(threadName)s|%(processName)s|%(levelname)s|%(message)s"))
log = logging.getLogger("files")
log.addHandler(handler)
log.setLevel(logging.INFO)
log.propagate = False
def worker(n):
    for i in range(50):
        log.info("worker %d line %d", n, i)
threads = [threading.Thread(target=worker, args=(n,), name="T%d" % n) for n in range(4)]
for t in threads: t.start()
for t in threads: t.join()
log.warning("done")
handler.close()
with open(path) as f:
    lines = f.read().splitlines()
print(len(lines), lines[-1])
per_thread = {}
for line in lines[:-1]:
    name, process, level, message = line.split("|")
    per_thread.setdefault(name, []).append(int(message.split()[-1]))
print(sorted((k, v == list(range(50))) for k, v in per_thread.items()), {l.split("|")[1] for l in lines})
lazy = logging.FileHandler(path, mode="w", delay=True)
print(lazy.stream is None)
lazy.setFormatter(logging.Formatter("%(name)s:%(message)s"))
log.removeHandler(handler); log.addHandler(lazy)
log.error("lazy %s", "open")
lazy.close()
with open(path) as f:
    print(repr(f.read()))
print(isinstance(lazy, logging.StreamHandler), lazy.level, logging.getLevelName(lazy.level))
remove = getattr(os, "remove", None)  # gilsim's os has no remove() yet
if remove is not None:
    remove(path)
