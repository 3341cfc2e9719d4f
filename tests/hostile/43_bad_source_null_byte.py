# A NUL byte in the source: a SyntaxError, not a crash.
# hostile-generate
# hostile-exit: 1
# hostile-stderr: SyntaxError

import sys
sys.stdout.write('x = 1\x00\n')
