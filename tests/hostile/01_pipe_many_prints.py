# Many lines into a pipe whose reader left: BrokenPipeError, as CPython.
# hostile-output: pipe-closed
# hostile-exit: 1
# hostile-stderr: BrokenPipeError: [Errno 32] Broken pipe

for i in range(200000):
    print(i)
