# repr of a list nested 100,000 deep: RecursionError, as CPython.
# hostile-exit: 1
# hostile-stderr: RecursionError

x = []
for _ in range(100000):
    x = [x]
repr(x)
