# A thread can be started only once.
# expect-exit: 1
# expect-stderr: RuntimeError: threads can only be started once
import threading

t = threading.Thread(target=lambda: None)
t.start()
t.join()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    t.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)
print("uncaught next")
t.start()
