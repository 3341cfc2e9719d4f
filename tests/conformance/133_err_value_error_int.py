# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 133_err_value_error_int.py", line 7, in <module>
# expect-stderr: ValueError: invalid literal for int() with base 10: '12x'
# int() of a malformed string raises ValueError.
for s in ["42", "-7", "12x"]:
    print(s, "->", int(s))
