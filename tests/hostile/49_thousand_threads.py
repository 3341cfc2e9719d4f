# 1,000 threads started and joined.
# hostile-exit: 0
# hostile-stdout: 1000

import threading
count = [0]
lock = threading.Lock()
def bump():
    with lock:
        count[0] += 1
ts = [threading.Thread(target=bump) for _ in range(1000)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(count[0])
