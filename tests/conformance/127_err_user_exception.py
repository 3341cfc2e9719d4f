# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 127_err_user_exception.py", line 11, in <module>
# expect-stderr: InventoryError: out of widgets
# Raising a user-defined exception that nobody catches.
class InventoryError(Exception):
    pass
stock = {"widgets": 0}
print("checking stock")
if stock["widgets"] == 0:
    raise InventoryError("out of widgets")
print("never")
