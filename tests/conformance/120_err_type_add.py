# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 120_err_type_add.py", line 8, in <module>
# expect-stderr: TypeError: unsupported operand type(s) for +: 'int' and 'str'
# Uncaught TypeError from adding an int and a str.
x = 1
print("x is", x)
y = x + "a"
print(y)
