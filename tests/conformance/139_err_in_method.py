# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 139_err_in_method.py", line 19, in <module>
# expect-stderr: 139_err_in_method.py", line 14, in withdraw
# expect-stderr: InsufficientFunds: need 50, have 30
# A user exception raised from a method, uncaught.
class InsufficientFunds(Exception):
    pass
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds("need " + str(amount) + ", have " + str(self.balance))
        self.balance -= amount
acct = Account(100)
acct.withdraw(70)
print("balance now", acct.balance)
acct.withdraw(50)
