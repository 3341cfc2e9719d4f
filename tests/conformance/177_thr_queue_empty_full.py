# queue.Empty and queue.Full, with and without timeouts.
import queue

q = queue.Queue(maxsize=2)
print(q.maxsize, q.empty(), q.full())
q.put(1)
q.put_nowait(2)
print(q.qsize(), q.full())
for attempt in ["put_nowait", "put False", "put timeout"]:
    try:
        if attempt == "put_nowait":
            q.put_nowait(3)
        elif attempt == "put False":
            q.put(3, False)
        else:
            q.put(3, timeout=0.01)
    except queue.Full as e:
        print(attempt, "-> Full", repr(str(e)))
print(q.get(), q.get_nowait())
for attempt in ["get_nowait", "get False", "get timeout"]:
    try:
        if attempt == "get_nowait":
            q.get_nowait()
        elif attempt == "get False":
            q.get(False)
        else:
            q.get(timeout=0.01)
    except queue.Empty:
        print(attempt, "-> Empty")
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    q.put(1, timeout=-1)
except ValueError as e:
    print("ValueError:", e)

s = queue.SimpleQueue()
try:
    s.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue -> Empty")
try:
    s.get_nowait()
except queue.Empty:
    print("SimpleQueue get_nowait -> Empty")
s.put_nowait("x")
print(s.get(False))
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
