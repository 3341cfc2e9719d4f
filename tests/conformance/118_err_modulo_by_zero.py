# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 118_err_modulo_by_zero.py", line 8, in <module>
# expect-stderr: ZeroDivisionError: integer modulo by zero
# Uncaught ZeroDivisionError from integer modulo.
for d in [3, 2, 1, 0]:
    print(100, "mod", d)
    print(100 % d)
