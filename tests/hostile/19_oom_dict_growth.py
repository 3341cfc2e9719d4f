# A dict grown until memory runs out.
# hostile-memory-kb: 400000
# hostile-exit: 1
# hostile-stderr: MemoryError

d = {}
i = 0
while True:
    d[i] = str(i) * 10
    i += 1
