# The class-creation hooks: type(name, bases, dict), __prepare__, __init_subclass__ with
# keywords, __set_name__, __class_getitem__.
Point = type("Point", (), {"x": 1, "show": lambda self: "P" + str(self.x)})
p = Point()
print(Point.__name__, p.show(), type(Point) is type)

class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"prepared": True}
class WithPrepare(metaclass=Ordered):
    a = 1
print(WithPrepare.prepared, WithPrepare.a)

class Plugin:
    plugins = []
    def __init_subclass__(cls, name="?", **kw):
        super().__init_subclass__(**kw)
        Plugin.plugins.append((cls.__name__, name))
class A(Plugin, name="alpha"): pass
class B(Plugin): pass
print(Plugin.plugins)

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class Model:
    title = Field()
    body = Field()
print(Model.title.name)

class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"
print(Box[int])
try:
    class Bad(Plugin, unknown=1, name="z"): pass
except TypeError as e:
    print(e)
