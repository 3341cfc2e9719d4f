# 101 levels of indentation: CPython's IndentationError.
# hostile-exit: 1
# hostile-stderr: too many levels of indentation
# hostile-generate

import sys
sys.stdout.write(''.join(' ' * i + 'if 1:\n' for i in range(101)) + ' ' * 101 + 'pass\n')
