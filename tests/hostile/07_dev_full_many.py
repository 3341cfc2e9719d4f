# Many lines to /dev/full: the write that overflows the buffer raises.
# hostile-output: dev-full
# hostile-exit: 1
# hostile-stderr: OSError: [Errno 28] No space left on device

for i in range(100000):
    print(i)
