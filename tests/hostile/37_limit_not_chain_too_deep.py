# Nesting past CPython's limit is a clean error, not a crash.
# hostile-exit: 1
# hostile-stderr: SyntaxError
# hostile-generate

import sys
sys.stdout.write('x = ' + 'not ' * 100000 + '1\n')
