"""A bank ledger: accounts, transfers with checks, custom exceptions, an audit log and a
statement, in plain classes."""


class LedgerError(Exception):
    pass


class InsufficientFunds(LedgerError):
    def __init__(self, account, wanted):
        LedgerError.__init__(self, "%s cannot pay %d (balance %d)" % (account.owner, wanted,
                                                                      account.balance))


class Account:
    next_number = 1000

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.number = Account.next_number
        Account.next_number += 1
        self.history = []

    def __repr__(self):
        return "Account(%r, %d, #%d)" % (self.owner, self.balance, self.number)


class Bank:
    def __init__(self):
        self.accounts = {}
        self.audit = []

    def open(self, owner, deposit=0):
        account = Account(owner, deposit)
        self.accounts[owner] = account
        self.audit.append(("open", owner, deposit))
        return account

    def transfer(self, source, target, amount):
        if amount <= 0:
            raise ValueError("amount must be positive, not %d" % amount)
        a = self.accounts[source]
        b = self.accounts[target]
        if a.balance < amount:
            raise InsufficientFunds(a, amount)
        a.balance -= amount
        b.balance += amount
        a.history.append(-amount)
        b.history.append(amount)
        self.audit.append(("transfer", source, target, amount))


bank = Bank()
for name, deposit in [("ada", 500), ("grace", 300), ("linus", 50)]:
    bank.open(name, deposit)
moves = [("ada", "grace", 120), ("grace", "linus", 400), ("linus", "ada", 25),
         ("ada", "nobody", 5), ("grace", "ada", -3), ("grace", "linus", 180)]
for source, target, amount in moves:
    try:
        bank.transfer(source, target, amount)
        print("ok      %s -> %s %d" % (source, target, amount))
    except InsufficientFunds as e:
        print("refused", e)
    except KeyError as e:
        print("unknown account", e)
    except ValueError as e:
        print("invalid", e)
for account in sorted(bank.accounts.values(), key=lambda a: -a.balance):
    print(account, account.history)
print("money conserved:", sum(a.balance for a in bank.accounts.values()) == 850)
print(len(bank.audit), "audit entries")
