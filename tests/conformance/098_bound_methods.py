# bound methods as first-class values
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
    def deposit(self, amount):
        self.balance += amount
        return self.balance
a = Account("ann")
dep = a.deposit
print(dep(10), dep(5), a.balance)
print(type(dep).__name__)
b = Account("bob")
ops = [a.deposit, b.deposit, a.deposit]
for op in ops:
    op(1)
print(a.balance, b.balance)
print(Account.deposit(b, 100), b.balance)
lst = []
push = lst.append
push(1)
push(2)
print(lst)
up = "shout".upper
print(up())
d = {"x": 1}
getter = d.get
print(getter("x"), getter("y", "none"))
def apply(f, *args):
    return f(*args)
print(apply(a.deposit, 1000), apply(max, 3, 9), apply(",".join, ["p", "q"]))
