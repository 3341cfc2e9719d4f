# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 122_err_index_error.py", line 8, in <module>
# expect-stderr: IndexError: list index out of range
# Uncaught IndexError walking off the end of a list.
items = [10, 20, 30]
for i in range(5):
    print(i, items[i])
