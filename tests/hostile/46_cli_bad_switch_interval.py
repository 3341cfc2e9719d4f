# A negative switch interval is a usage error.
# hostile-args: --switch-interval -5ms
# hostile-exit: 2
# hostile-stderr: --switch-interval

print(1)
