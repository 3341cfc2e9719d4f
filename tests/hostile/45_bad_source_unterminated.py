# An unterminated triple-quoted string.
# hostile-generate
# hostile-exit: 1
# hostile-stderr: SyntaxError

import sys
sys.stdout.write('x = """abc\n' * 1000)
