# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: ValueError: low-level problem
# expect-stderr: RuntimeError: high-level failure
# An uncaught `raise X from Y`: both exceptions are reported.
def low():
    raise ValueError("low-level problem")
def high():
    try:
        low()
    except ValueError as e:
        raise RuntimeError("high-level failure") from e
print("calling high()")
high()
