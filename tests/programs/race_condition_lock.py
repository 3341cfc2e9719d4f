"""A race condition made visible, then fixed. Each thread reads a shared balance, pauses (a
sleep stands for any I/O and releases the GIL) and writes it back: updates are lost. The same
code under a Lock loses none."""

import threading
import time

balance = 0
lock = threading.Lock()


def deposit_unsafe(times):
    global balance
    for _ in range(times):
        current = balance
        time.sleep(0.001)
        balance = current + 1


def deposit_safe(times):
    global balance
    for _ in range(times):
        with lock:
            current = balance
            time.sleep(0.001)
            balance = current + 1


def run(target):
    global balance
    balance = 0
    threads = [threading.Thread(target=target, args=(5,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return balance


unsafe = run(deposit_unsafe)
print("without a lock: expected 20, lost updates:", unsafe < 20)
safe = run(deposit_safe)
print("with a lock:", safe)
print("lock released at the end:", not lock.locked())
