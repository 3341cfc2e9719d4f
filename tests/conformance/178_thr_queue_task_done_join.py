# Queue.task_done and Queue.join: join() returns once every item put has been marked done.
import queue
import threading

q = queue.Queue()
done = []
lock = threading.Lock()


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with lock:
            done.append(item * item)
        q.task_done()


workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for i in range(20):
    q.put(i)
q.join()
print("after join:", len(done), sum(done), q.unfinished_tasks)
for _ in workers:
    q.put(None)
q.join()
for w in workers:
    w.join()
print("workers done", q.empty())

try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)

# join() on a queue with nothing unfinished returns at once.
queue.Queue().join()
print("empty join")
