# MemoryError is catchable, and the run goes on.
# hostile-memory-kb: 400000
# hostile-exit: 0
# hostile-stdout: caught

try:
    x = b'a' * (10 ** 10)
except MemoryError:
    print('caught')
