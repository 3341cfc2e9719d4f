# An exception that escapes a thread is printed to stderr; the program goes on and exits with 0.
# expect-stderr: Exception in thread Thread-1 (boom):
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 183_thr_uncaught_in_thread.py", line 12, in boom
# expect-stderr: ValueError: bad value 42
# expect-stderr: Exception in thread named:
# expect-stderr: ZeroDivisionError: division by zero
import threading


def boom(n):
    raise ValueError("bad value %d" % n)


t = threading.Thread(target=boom, args=(42,))
t.start()
t.join()
print("after the thread", t.is_alive())
t = threading.Thread(target=lambda: 1 / 0, name="named")
t.start()
t.join()
print("still running")

# A replaced excepthook gets the exception and the thread.
seen = []
threading.excepthook = lambda args: seen.append((args.exc_type.__name__, str(args.exc_value),
                                                 args.thread.name))
t = threading.Thread(target=boom, args=(7,), name="hooked")
t.start()
t.join()
print(seen)
# SystemExit ends a thread quietly.
import sys
threading.excepthook = threading.__excepthook__
t = threading.Thread(target=sys.exit, args=(3,))
t.start()
t.join()
print("done")
