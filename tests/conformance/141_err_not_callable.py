# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 141_err_not_callable.py", line 9, in <module>
# expect-stderr: TypeError: 'int' object is not callable
# Calling something that is not callable.
handlers = {"double": lambda x: 2 * x, "broken": 5}
print(handlers["double"](21))
for name in ["double", "broken"]:
    print(name, handlers[name](1))
