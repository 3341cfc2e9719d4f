# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 144_err_unexpected_kwarg.py", line 10, in <module>
# expect-stderr: TypeError: connect() got an unexpected keyword argument 'timeout'
# Passing an unknown keyword argument.
def connect(host, port=80):
    return host + ":" + str(port)
print(connect("example.org"))
print(connect("example.org", port=8080))
print(connect("example.org", timeout=3))
