# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 131_err_in_helper_module.py", line 9, in <module>
# expect-stderr: helper_fail.py", line 10, in call_explode
# expect-stderr: helper_fail.py", line 6, in explode
# expect-stderr: RuntimeError: helper exploded on purpose
# An uncaught exception raised in an imported helper module.
import helper_fail
helper_fail.call_explode("purpose")
