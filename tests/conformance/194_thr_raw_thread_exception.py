# An exception that escapes a function run by _thread.start_new_thread is reported to stderr as
# CPython 3.8+ does (through sys.unraisablehook); the program goes on.
# expect-stderr: Exception ignored in thread started by: <function boom
# expect-stderr: 194_thr_raw_thread_exception.py", line 14, in boom
# expect-stderr: ValueError: raw thread
import _thread
import time

started = []


def boom():
    started.append(True)
    raise ValueError("raw thread")


_thread.start_new_thread(boom, ())
# Once the function has started, _count() stays above 0 until the report has been written.
while not started:
    time.sleep(0.001)
while _thread._count():
    time.sleep(0.001)
print("main continues")
