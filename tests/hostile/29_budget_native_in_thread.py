# A native endless loop in a thread, stopped by the budget.
# hostile-args: --check-point-budget 100000
# hostile-exit: 1
# hostile-stderr: budget exhausted

import threading
t = threading.Thread(target=lambda: sum(iter(int, 1)))
t.start()
t.join()
