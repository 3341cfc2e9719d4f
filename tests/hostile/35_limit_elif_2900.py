# 2,900 elif branches compile.
# hostile-exit: 0
# hostile-asan-skip: ASan's frames are larger: there the front end's stack budget ends this chain
#   with a RecursionError (exit 1, no crash) before 2,900
# hostile-stdout: 2899
# hostile-generate

import sys
sys.stdout.write('x = 2899\nif x == -1:\n    pass\n' + ''.join('elif x == %d:\n    print(%d)\n' % (i, i) for i in range(2900)))
