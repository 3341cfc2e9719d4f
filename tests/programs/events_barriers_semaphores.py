"""Synchronisation primitives side by side: an Event as a starting gun, a Barrier between
phases, a Semaphore bounding concurrency (its peak is measured) and a Condition for a
countdown latch."""

import threading
import time

start = threading.Event()
barrier = threading.Barrier(4)
slots = threading.Semaphore(2)
state = {"inside": 0, "peak": 0, "phase_log": []}
state_lock = threading.Lock()
latch = threading.Condition()
remaining = [4]


def worker(n):
    start.wait()
    with slots:
        with state_lock:
            state["inside"] += 1
            state["peak"] = max(state["peak"], state["inside"])
        time.sleep(0.02)
        with state_lock:
            state["inside"] -= 1
    index = barrier.wait()
    with state_lock:
        state["phase_log"].append(("phase2", n))
    with latch:
        remaining[0] -= 1
        latch.notify_all()


threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
print("workers waiting for the gun:", not start.is_set())
start.set()
with latch:
    ok = latch.wait_for(lambda: remaining[0] == 0, timeout=10)
for t in threads:
    t.join()
print("latch reached zero:", ok)
print("peak concurrency under Semaphore(2):", state["peak"])
print("phase 2 entries:", sorted(state["phase_log"]))
print("barrier broken:", barrier.broken, "parties:", barrier.parties)
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
