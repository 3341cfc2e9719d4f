class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)

class Lazy:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, cls):
        if obj is None:
            return "class access"
        value = self.fn(obj)
        obj.__dict__[self.fn.__name__] = value
        return value

class Deleter:
    def __get__(self, obj, cls):
        return "deleter-get"
    def __delete__(self, obj):
        print("deleting")

class P:
    x = Typed(int)
    d = Deleter()
    def __init__(self, x):
        self.x = x
    @Lazy
    def area(self):
        print("computing")
        return self.x * 2

p = P(3)
print(p.x, P.x.kind.__name__)
try:
    p.x = "no"
except TypeError as e:
    print("TypeError", e)
print(p.area, p.area, P.area)
p.__dict__["x"] = 99
print(p.x)
del p.d
print(p.d)
try:
    p.d = 5
except AttributeError as e:
    print("AttributeError", e)
