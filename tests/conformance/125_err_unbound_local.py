# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 125_err_unbound_local.py", line 9, in bump
# expect-stderr: UnboundLocalError: cannot access local variable 'count' where it is not associated with a value
# Assigning to a name makes it local for the whole function.
count = 0
def bump():
    print("bumping")
    count += 1
    return count
bump()
