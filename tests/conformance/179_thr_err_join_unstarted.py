# Joining a thread that was never started is a RuntimeError.
# expect-exit: 1
# expect-stderr: RuntimeError: cannot join thread before it is started
import threading

t = threading.Thread(target=print)
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
print("uncaught next")
t.join(1)
