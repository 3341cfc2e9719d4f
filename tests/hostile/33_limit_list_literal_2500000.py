# A list literal of 2,500,000 elements runs (CPython does).
# hostile-exit: 0
# hostile-stdout: 2500000
# hostile-generate

import sys
sys.stdout.write('x = [' + ','.join(['1'] * 2500000) + ']\nprint(len(x))\n')
