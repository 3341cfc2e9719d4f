# logging: a FileHandler shared by threads (one lock per handler: whole lines, none lost), the
# thread and process fields, delay=True, close.
import logging, os, threading
# A folder of its own, claimed with mkdir (atomic): this script runs under every GIL policy at
# once, and a simulated run's pid (and its addresses) are the same in every run.
n = 0
while True:
    folder = "/tmp/gilsim_conformance_316_%d_%d" % (os.getpid(), n)
    try:
        os.mkdir(folder)
        break
    except FileExistsError:
        n += 1
path = os.path.join(folder, "threads.log")
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
os.remove(path)
os.rmdir(folder)
print(os.path.exists(folder))
