# Source that is not UTF-8.
# hostile-generate
# hostile-exit: 1
# hostile-stderr: SyntaxError

import sys
sys.stdout.buffer.write(b'x = "\xff\xfe"\n')
