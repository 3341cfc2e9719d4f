# sys.stdout.write into a closed pipe.
# hostile-output: pipe-closed
# hostile-exit: 1
# hostile-stderr: BrokenPipeError

import sys
for i in range(100000):
    sys.stdout.write('x' * 100 + '\n')
