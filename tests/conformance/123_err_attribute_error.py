# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 123_err_attribute_error.py", line 11, in <module>
# expect-stderr: AttributeError: 'Thing' object has no attribute 'colour'
# Uncaught AttributeError on an instance.
class Thing:
    def __init__(self):
        self.size = 3
t = Thing()
print("size", t.size)
print("colour", t.colour)
