# 199 nested brackets around conditional expressions compile.
# hostile-exit: 0
# hostile-stdout: 1
# hostile-generate

import sys
sys.stdout.write('x = ' + '(1 if 1 else ' * 199 + '1' + ')' * 199 + '\nprint(x)\n')
