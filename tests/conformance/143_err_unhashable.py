# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 143_err_unhashable.py", line 9, in <module>
# expect-stderr: TypeError: unhashable type: 'list'
# Using a list as a dict key.
seen = {}
seen[(1, 2)] = "tuple keys are fine"
print(seen)
seen[[1, 2]] = "list keys are not"
