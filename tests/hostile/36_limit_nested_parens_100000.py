# 100,000 nested brackets: CPython's SyntaxError.
# hostile-exit: 1
# hostile-stderr: too many nested parentheses
# hostile-generate

import sys
sys.stdout.write('x = ' + '(' * 100000 + ')' * 100000 + '\n')
