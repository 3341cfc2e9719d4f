# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 126_err_assert_message.py", line 9, in withdraw
# expect-stderr: AssertionError: balance must stay non-negative, got -5
# A failing assert with a message, uncaught.
def withdraw(balance, amount):
    new = balance - amount
    print("withdrawing", amount, "from", balance)
    assert new >= 0, "balance must stay non-negative, got " + str(new)
    return new
b = withdraw(10, 5)
b = withdraw(b, 10)
print("never", b)
