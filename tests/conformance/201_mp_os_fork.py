# The process primitives multiprocessing is built on: os.fork, os.waitpid (blocking and WNOHANG),
# os.waitstatus_to_exitcode, os.kill, os._exit and os.getppid. The child of a threaded program
# has the forking thread only: joining another thread returns at once.
import os
import signal
import threading
import time

print(signal.SIGINT, signal.SIGTERM, signal.SIGKILL)
print(os.waitstatus_to_exitcode(3 << 8), os.waitstatus_to_exitcode(signal.SIGKILL))

stop = threading.Event()


def spin():
    while not stop.is_set():
        time.sleep(0.001)


worker = threading.Thread(target=spin)
worker.start()
parent = os.getpid()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    worker.join()
    report = "%d %s %s\n" % (threading.active_count(), worker.is_alive(), os.getppid() == parent)
    os.write(w, report.encode())
    os._exit(3)
os.close(w)
print("child says", os.read(r, 100).decode().strip())
os.close(r)
got, status = os.waitpid(pid, 0)
print(got == pid, os.waitstatus_to_exitcode(status))

pid = os.fork()
if pid == 0:
    while True:
        time.sleep(0.01)
print(os.waitpid(pid, os.WNOHANG))
os.kill(pid, signal.SIGTERM)
got, status = os.waitpid(pid, 0)
print(got == pid, os.waitstatus_to_exitcode(status))
stop.set()
worker.join()
print(threading.active_count())
