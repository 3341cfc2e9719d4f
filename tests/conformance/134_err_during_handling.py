# expect-exit: 1
# expect-stderr: KeyError: 'first'
# expect-stderr: During handling of the above exception, another exception occurred:
# expect-stderr: TypeError: second failure while handling
# A new exception raised inside an except block chains to the first one.
data = {}
try:
    print("trying")
    value = data["first"]
except KeyError:
    print("handling KeyError")
    raise TypeError("second failure while handling")
