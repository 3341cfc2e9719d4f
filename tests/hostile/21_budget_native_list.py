# An endless native loop stops when the check-point budget is spent.
# hostile-args: --check-point-budget 100000
# hostile-exit: 1
# hostile-stderr: check-point budget exhausted

print(list(iter(int, 1)))
