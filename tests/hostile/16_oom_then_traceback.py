# Memory kept full, then an error whose traceback reads the source file.
# hostile-memory-kb: 400000
# hostile-exit: 1
# hostile-stderr: ValueError: after filling memory

keep = []
try:
    while True:
        keep.append('x' * 4096)
except MemoryError:
    pass
try:
    while True:
        keep.append(1)
except MemoryError:
    pass
raise ValueError('after filling memory')
