# 2,900 `+` terms compile (CPython 3.11 takes about 2,990).
# hostile-exit: 0
# hostile-stdout: 2900
# hostile-generate

import sys
sys.stdout.write('x = ' + '+'.join(['1'] * 2900) + '\nprint(x)\n')
