# 64 forked processes, each reaped with its status.
# hostile-exit: 0
# hostile-stdout: 2016

import os
pids = []
for i in range(64):
    pid = os.fork()
    if pid == 0:
        os._exit(i)
    pids.append(pid)
total = 0
for pid in pids:
    _, status = os.waitpid(pid, 0)
    total += os.waitstatus_to_exitcode(status)
print(total)
