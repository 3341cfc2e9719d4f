# MemoryError in a thread is reported, the run goes on.
# hostile-memory-kb: 400000
# hostile-exit: 0
# hostile-stderr: MemoryError
# hostile-stdout: joined

import threading
def grow():
    x = [0] * (10 ** 9)
t = threading.Thread(target=grow)
t.start()
t.join()
print('joined')
