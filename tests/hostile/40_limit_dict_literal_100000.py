# A dict display of 100,000 pairs.
# hostile-exit: 0
# hostile-stdout: 100000
# hostile-generate

import sys
sys.stdout.write('d = {' + ','.join('%d: %d' % (i, i) for i in range(100000)) + '}\nprint(len(d))\n')
