# __str__ and __repr__
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return "$" + str(self.cents // 100) + "." + str(self.cents % 100).zfill(2)
    def __repr__(self):
        return "Money(" + repr(self.cents) + ")"
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
m = Money(1234)
print(m)
print(str(m), repr(m))
print([m, Money(5)])
print({"price": m})
print(f"{m} and {m!r}")
o = OnlyRepr()
print(o, str(o), [o])
print("%s / %r" % (m, m))
print("{} {!r}".format(m, m))
