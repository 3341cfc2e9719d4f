# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 117_err_zero_division.py", line 9, in <module>
# expect-stderr: ZeroDivisionError: division by zero
# Uncaught ZeroDivisionError at module level.
print("before the error")
total = 10
count = 0
average = total / count
print("never printed")
