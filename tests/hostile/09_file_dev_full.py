# A file opened on /dev/full: the close (its flush) raises ENOSPC.
# hostile-exit: 1
# hostile-stderr: OSError: [Errno 28] No space left on device

with open('/dev/full', 'w') as f:
    f.write('data')
