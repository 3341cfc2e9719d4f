# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 119_err_name_error.py", line 9, in <module>
# expect-stderr: NameError: name 'qqq_undefined' is not defined
# Uncaught NameError for an undefined global.
def uses_it():
    return 1
print("defined function works:", uses_it())
print(qqq_undefined)
