# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 137_err_module_not_found.py", line 8, in <module>
# expect-stderr: ModuleNotFoundError: No module named 'helper_that_does_not_exist'
# Importing a module that does not exist.
import sys
print("sys imported fine")
import helper_that_does_not_exist
