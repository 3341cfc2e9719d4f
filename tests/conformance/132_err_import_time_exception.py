# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 132_err_import_time_exception.py", line 8, in <module>
# expect-stderr: helper_raise_on_import.py", line 3, in <module>
# expect-stderr: KeyError: 'no such key'
# An exception raised while a helper module's top level runs propagates to the importer.
print("about to import")
import helper_raise_on_import
print("never printed")
