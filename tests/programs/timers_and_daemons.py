"""threading.Timer (one fires, one is cancelled), a daemon heartbeat thread left running at exit,
and Thread attributes: names, daemon flags, is_alive before and after, enumerate()."""

import threading
import time

fired = []
beats = []
stop = threading.Event()


def heartbeat():
    while not stop.is_set():
        beats.append(1)
        time.sleep(0.005)


t1 = threading.Timer(0.02, fired.append, args=("first",))
t2 = threading.Timer(0.02, fired.append, args=("second",))
t1.start()
t2.start()
t2.cancel()
t1.join()
t2.join()
print("fired:", fired)

hb = threading.Thread(target=heartbeat, name="heartbeat", daemon=True)
print(hb.name, hb.daemon, hb.is_alive())
hb.start()
time.sleep(0.03)
print("alive:", hb.is_alive(), "beating:", len(beats) > 0)
print("threads:", sorted(t.name for t in threading.enumerate()))
worker = threading.Thread(target=lambda: None)
worker.start()
worker.join()
print("worker done:", not worker.is_alive(), worker.daemon)
print("main:", threading.current_thread() is threading.main_thread(), threading.active_count())
