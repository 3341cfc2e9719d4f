# The daemon flag: inherited from the creating thread, fixed once started.
import threading

print(threading.current_thread().daemon)
t = threading.Thread(target=lambda: None)
print(t.daemon, t.isDaemon())
d = threading.Thread(target=lambda: None, daemon=True)
print(d.daemon)
inherited = []


def spawn():
    inherited.append(threading.Thread(target=lambda: None).daemon)


p = threading.Thread(target=spawn, daemon=True)
p.start()
p.join()
print("inherited from a daemon:", inherited)
t.daemon = True
t.setDaemon(False)
print(t.daemon)
t.start()
try:
    t.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)
t.join()

# A daemon thread blocked forever does not keep the program alive.
never = threading.Event()
threading.Thread(target=never.wait, daemon=True).start()
print("exiting with a daemon thread blocked")
