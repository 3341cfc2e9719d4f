# A huge list under an address-space limit: MemoryError.
# hostile-memory-kb: 400000
# hostile-exit: 1
# hostile-stderr: MemoryError

x = [0] * (10 ** 9)
