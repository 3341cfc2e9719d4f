# --trace-buffer beyond what the machine has: a usage error.
# hostile-args: --trace-buffer 1000000000000000 --stats
# hostile-exit: 2
# hostile-stderr: --trace-buffer

print('never')
