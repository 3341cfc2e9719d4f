"""A bank account guarded by a lock against five depositing threads, a producer and a
consumer on a Condition, priority and LIFO queues, and a daemon thread left running at exit."""
import threading, time, queue, random
random.seed(7)
class BankAccount:
    def __init__(self, balance=0):
        self.balance = balance
        self.lock = threading.Lock()
    def deposit(self, amount):
        with self.lock:
            new = self.balance + amount
            time.sleep(0)
            self.balance = new
    def withdraw(self, amount):
        with self.lock:
            if self.balance >= amount:
                self.balance -= amount
                return True
            return False
acct = BankAccount(100)
def worker(n):
    for _ in range(n):
        acct.deposit(1)
        acct.withdraw(1)
threads = [threading.Thread(target=worker, args=(500,)) for _ in range(5)]
for t in threads: t.start()
for t in threads: t.join()
print("final balance", acct.balance)
cond = threading.Condition(); items = []
def producer():
    for i in range(5):
        with cond:
            items.append(i); cond.notify()
def consumer(out):
    got = 0
    while got < 5:
        with cond:
            while not items:
                cond.wait()
            out.append(items.pop(0)); got += 1
out = []
c = threading.Thread(target=consumer, args=(out,)); p = threading.Thread(target=producer)
c.start(); p.start(); p.join(); c.join(); print(out)
q = queue.PriorityQueue()
for pri, name in [(3, "c"), (1, "a"), (2, "b")]:
    q.put((pri, name))
print([q.get()[1] for _ in range(3)], q.empty(), q.qsize())
lq = queue.LifoQueue(); [lq.put(i) for i in range(3)]; print(lq.get(), lq.get_nowait())
try:
    queue.Queue(maxsize=1).get(timeout=0.01)
except queue.Empty:
    print("empty")
def daemon():
    while True: time.sleep(1)
threading.Thread(target=daemon, daemon=True).start()
print("main exits", threading.current_thread() is threading.main_thread())
