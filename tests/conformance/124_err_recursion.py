# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 124_err_recursion.py", line 8, in forever
# expect-stderr: RecursionError: maximum recursion depth exceeded
# Unbounded recursion ends with an uncaught RecursionError.
def forever(n):
    # no base case
    return forever(n + 1) + 1
print("starting")
forever(0)
