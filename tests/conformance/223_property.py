# property: the decorator's setter and deleter, property(fget, doc=...), fget/fset, CPython
# 3.11's messages for a missing setter.
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        "the temperature"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    def _get_f(self):
        return self._c * 9 / 5 + 32
    fahrenheit = property(_get_f, doc="read only")
t = Temp()
t.celsius = 25
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
del t.celsius
print(t.celsius)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print(e)
print(type(Temp.celsius).__name__, Temp.celsius.fget.__name__, Temp.fahrenheit.fset)

