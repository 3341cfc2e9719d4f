# Event: wait with a timeout on an unset event returns False; set() wakes every waiter.
import threading

e = threading.Event()
print(e.is_set(), e.wait(0), e.wait(0.01), e.wait(timeout=0.02))
woken = []


def waiter(i):
    woken.append((i, e.wait()))


ts = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
e.set()
for t in ts:
    t.join()
print(sorted(woken))
print(e.is_set(), e.wait(), e.wait(0), e.wait(5))
e.clear()
print(e.is_set(), e.wait(0.01))

# A thread sets it while the main thread waits with a long timeout.
go = threading.Event()
done = threading.Event()


def setter():
    go.wait()
    done.set()


t = threading.Thread(target=setter)
t.start()
go.set()
print("waited:", done.wait(10))
t.join()
print(e.isSet(), done.isSet())
