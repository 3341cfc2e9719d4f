# A huge str: MemoryError.
# hostile-memory-kb: 400000
# hostile-exit: 1
# hostile-stderr: MemoryError

x = 'a' * (10 ** 10)
