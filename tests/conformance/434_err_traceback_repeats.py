# expect-exit: 1
# expect-stderr: [Previous line repeated 996 more times]
# expect-stderr: RecursionError: maximum recursion depth exceeded
# A runaway recursion's traceback collapses the repeated lines, as CPython's.
def f(n):
    return f(n + 1)


f(0)
