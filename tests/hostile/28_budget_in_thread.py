# A thread's budget running out makes the run exit 1.
# hostile-args: --check-point-budget 100000
# hostile-exit: 1
# hostile-stderr: thread stopped: check-point budget exhausted
# hostile-stdout: joined

import threading
def spin():
    while True:
        pass
t = threading.Thread(target=spin)
t.start()
t.join()
print('joined')
