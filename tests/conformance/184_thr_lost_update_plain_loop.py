# 4 threads x 20000 `counter += 1` in a plain loop: no update is lost. Since CPython 3.10 the GIL
# is only dropped at backward jumps and calls, never between the load and the store of `+=`;
# gilsim's default check points (`branches`) are the same.
import sys
import threading

# Switch often (every 10 us), so a check point between the load and the store would lose updates.
sys.setswitchinterval(0.00001)
counter = 0


def work():
    global counter
    for _ in range(20000):
        counter += 1


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)


class Box:
    value = 0


box = Box()


def work_attr():
    for _ in range(20000):
        box.value += 1


threads = [threading.Thread(target=work_attr) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(box.value)
