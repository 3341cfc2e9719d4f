# print(flush=True) to /dev/full raises at that print.
# hostile-output: dev-full
# hostile-exit: 120
# hostile-stderr: OSError: [Errno 28]

print('x', flush=True)
