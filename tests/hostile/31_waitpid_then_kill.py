# A reaped child is gone: os.kill raises ProcessLookupError, as CPython.
# hostile-exit: 0
# hostile-stdout: ProcessLookupError 3
# hostile-stdout: exit 7

import os
pid = os.fork()
if pid == 0:
    os._exit(7)
_, status = os.waitpid(pid, 0)
print('exit', os.waitstatus_to_exitcode(status))
try:
    os.kill(pid, 15)
except ProcessLookupError as e:
    print(type(e).__name__, e.errno)
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print(type(e).__name__, e.errno)
