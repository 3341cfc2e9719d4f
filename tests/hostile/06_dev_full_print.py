# One print to /dev/full: the flush at exit fails as CPython's (exit 120).
# hostile-output: dev-full
# hostile-exit: 120
# hostile-stderr: Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>
# hostile-stderr: OSError: [Errno 28] No space left on device

print('hello')
