# 1,500 nested lambdas compile and run.
# hostile-exit: 0
# hostile-stdout: done
# hostile-generate

import sys
sys.stdout.write('f = ' + 'lambda: ' * 1500 + '1\nprint("done")\n')
