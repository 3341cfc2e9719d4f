# Releasing a lock nobody holds.
# expect-exit: 1
# expect-stderr: RuntimeError: release unlocked lock
# expect-stderr: 181_thr_err_release_unlocked.py", line 19, in <module>
import threading

lock = threading.Lock()
lock.acquire()
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.RLock().release()
except RuntimeError as e:
    print("RuntimeError:", e)
print("uncaught next")
lock.release()
