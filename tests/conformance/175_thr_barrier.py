# Barrier with 3 parties: every party gets a distinct index, the action runs once per cycle.
import threading

actions = []
barrier = threading.Barrier(3, action=lambda: actions.append("tripped"))
print(barrier.parties, barrier.n_waiting, barrier.broken)
indices = []
lock = threading.Lock()


def party(rounds):
    for _ in range(rounds):
        i = barrier.wait()
        with lock:
            indices.append(i)


ts = [threading.Thread(target=party, args=(2,)) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(indices), actions)

# abort() breaks it: waiting and later parties get BrokenBarrierError.
b = threading.Barrier(3)
errors = []


def breaker():
    try:
        b.wait()
    except threading.BrokenBarrierError:
        errors.append("broken")


t = threading.Thread(target=breaker)
t.start()
while b.n_waiting < 1:
    pass
b.abort()
t.join()
print(errors, b.broken)
try:
    b.wait()
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", isinstance(e, RuntimeError))
b.reset()
print("reset:", b.broken, b.n_waiting)

# A timeout breaks the barrier too.
c = threading.Barrier(2, timeout=0.01)
try:
    c.wait()
except threading.BrokenBarrierError:
    print("timed out, broken:", c.broken)
