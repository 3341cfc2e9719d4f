# OSError subclasses picked by errno, as CPython: a write to a pipe whose reader is closed is a
# BrokenPipeError (gilsim ignores SIGPIPE, as CPython does), a signal to a reaped child is a
# ProcessLookupError, a wait for it a ChildProcessError.
import os

print(issubclass(BrokenPipeError, ConnectionError), issubclass(ConnectionError, OSError))
print(issubclass(ProcessLookupError, OSError), issubclass(ChildProcessError, OSError))
print(issubclass(InterruptedError, OSError))

r, w = os.pipe()
os.close(r)
try:
    os.write(w, b"data")
except BrokenPipeError as e:
    print(type(e).__name__, e.errno, e)
except OSError as e:
    print("wrong type", type(e).__name__)
os.close(w)

pid = os.fork()
if pid == 0:
    os._exit(3)
got, status = os.waitpid(pid, 0)
print(got == pid, os.waitstatus_to_exitcode(status))
try:
    os.kill(pid, 15)
except ProcessLookupError as e:
    print(type(e).__name__, e.errno)
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print(type(e).__name__, e.errno)
