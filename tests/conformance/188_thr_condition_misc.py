# Condition: timeouts, notify without waiters, and the un-acquired lock errors.
# sim-skip: cpython-old the main thread busy-waits for a woken thread, which the tick-based GIL,
# retaken at once after every drop, starves for ever in exact time (hardware's noise lets it by)
import threading

cond = threading.Condition(threading.Lock())
with cond:
    print("wait timeout:", cond.wait(0.01))
    print("wait_for timeout:", cond.wait_for(lambda: False, timeout=0.01))
    print("wait_for true:", cond.wait_for(lambda: 5))
    cond.notify()
    cond.notify_all()
    print("notify with no waiters")
for call in ["wait", "notify", "notify_all"]:
    try:
        getattr(cond, call)()
    except RuntimeError as e:
        print(call, "RuntimeError:", e)

# With an RLock held twice, wait() releases it completely and restores both levels.
rc = threading.Condition()
state = []


def other():
    with rc:
        state.append("other ran")
        rc.notify()


with rc:
    with rc:
        t = threading.Thread(target=other)
        t.start()
        while not state:
            rc.wait()
    print(state, "still owned once")
t.join()
print(rc.acquire(False))
rc.release()

# notify(1) wakes one waiter at a time.
woken = []
c2 = threading.Condition()
ready = threading.Semaphore(0)


def sleeper(i):
    with c2:
        ready.release()
        c2.wait()
        woken.append(i)


ts = [threading.Thread(target=sleeper, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for _ in ts:
    ready.acquire()
counts = []
for n in range(3):
    with c2:
        c2.notify(1)
    while len(woken) < n + 1:
        pass
    counts.append(len(woken))
for t in ts:
    t.join()
print(counts, sorted(woken))
