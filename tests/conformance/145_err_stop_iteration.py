# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 145_err_stop_iteration.py", line 10, in <module>
# expect-stderr: StopIteration
# next() on an exhausted iterator without a default, uncaught.
it = iter([1, 2])
print(next(it))
print(next(it))
print("one more:")
print(next(it))
