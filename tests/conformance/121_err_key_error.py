# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 121_err_key_error.py", line 9, in lookup
# expect-stderr: KeyError: 'missing'
# Uncaught KeyError raised inside a function.
ages = {"ann": 31, "bob": 25}
def lookup(name):
    print("looking up", name)
    return ages[name]
print(lookup("ann"))
print(lookup("missing"))
