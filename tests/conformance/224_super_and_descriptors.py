# super() with and without arguments, in methods and classmethods; classmethod and
# staticmethod objects; the __class__ cell.
class Base:
    count = 0
    def __init__(self, name):
        self.name = name
    def hello(self):
        return "base " + self.name
    @classmethod
    def make(cls, name):
        return cls(name)
    @staticmethod
    def helper(x):
        return x * 2
class Derived(Base):
    def __init__(self, name):
        super(Derived, self).__init__(name.upper())
    def hello(self):
        return "derived/" + super().hello()
    @classmethod
    def make(cls, name):
        obj = super().make(name + "!")
        return obj
d = Derived.make("x")
print(d.name, d.hello(), Derived.helper(4), d.helper(5), type(d).__name__)
print(isinstance(Base.__dict__["make"], classmethod), Base.__dict__["helper"].__func__(3))
class WithClassCell:
    def who(self):
        return __class__.__name__
print(WithClassCell().who())
