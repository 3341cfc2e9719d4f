# Python recursion with a huge recursion limit: RecursionError, not SIGSEGV.
# hostile-exit: 1
# hostile-stderr: RecursionError

import sys
sys.setrecursionlimit(10 ** 6)
def f(n):
    return f(n + 1)
f(0)
