# A call with 100,000 arguments.
# hostile-exit: 0
# hostile-stdout: 100000
# hostile-generate

import sys
sys.stdout.write('def f(*a):\n    return len(a)\nprint(f(' + ','.join(['1'] * 100000) + '))\n')
