# Appending until memory runs out.
# hostile-memory-kb: 400000
# hostile-exit: 1
# hostile-stderr: MemoryError

x = []
while True:
    x.append('abcdefgh' * 100)
