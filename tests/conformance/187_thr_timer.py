# threading.Timer: runs its function after the interval unless cancelled first.
import threading

calls = []
t = threading.Timer(0.01, calls.append, args=["fired"])
t.start()
t.join()
print(calls)

c = threading.Timer(60, calls.append, args=["cancelled"])
c.start()
c.cancel()
c.join()
print(calls, c.is_alive())

k = threading.Timer(0, lambda **kw: calls.append(sorted(kw.items())), kwargs={"a": 1, "b": 2})
k.start()
k.join()
print(calls)
print(isinstance(k, threading.Thread), k.name.startswith("Thread-"))
