# Metaclasses: __new__, __init__ and __call__ of a type subclass, keywords of the class
# statement, methods on the metaclass, a singleton, __instancecheck__ / __subclasscheck__.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", mcls.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.registered = True
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)
    def describe(cls):
        return "class " + cls.__name__

class Base(metaclass=Meta, flag=1):
    def __init__(self, x):
        self.x = x
    def method(self):
        return 1

class Child(Base):
    pass

print(type(Base) is Meta, type(Child).__name__, Base.registered, Child.describe())
c = Child(5)
print(c.x, isinstance(c, Base), isinstance(Child, Meta))

class Even(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0
    def __subclasscheck__(cls, sub):
        return sub is bool
class EvenNumber(metaclass=Even):
    pass
print(isinstance(4, EvenNumber), isinstance(3, EvenNumber), issubclass(bool, EvenNumber), issubclass(int, (str, EvenNumber)))

class Singleton(type):
    _instances = {}
    def __call__(cls, *a):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self):
        print("Config made")
print(Config() is Config())

