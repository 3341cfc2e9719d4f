# A budget that is not a number.
# hostile-args: --check-point-budget lots
# hostile-exit: 2
# hostile-stderr: gilsim: error

print(1)
