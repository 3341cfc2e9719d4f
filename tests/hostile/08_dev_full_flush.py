# sys.stdout.flush() to /dev/full raises; the exit flush fails again (CPython: 120).
# hostile-output: dev-full
# hostile-exit: 120
# hostile-stderr: sys.stdout.flush()
# hostile-stderr: Exception ignored in

import sys
sys.stdout.write('a')
sys.stdout.flush()
