# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 138_err_call_arity.py", line 9, in <module>
# expect-stderr: TypeError: area() takes 2 positional arguments but 3 were given
# Calling a function with too many positional arguments.
def area(w, h):
    return w * h
print(area(2, 3))
print(area(2, 3, 4))
