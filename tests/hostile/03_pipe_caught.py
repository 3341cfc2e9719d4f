# A script that catches the BrokenPipeError goes on and ends well.
# hostile-output: pipe-closed
# hostile-exit: 0
# hostile-stderr: caught [Errno 32] Broken pipe

import sys
try:
    for i in range(200000):
        print(i)
except BrokenPipeError as e:
    sys.stderr.write('caught ' + str(e) + '\n')
