# Subclassing int: the subclass's overrides and super(), int's operator dunders, the plain
# int that arithmetic and int() give back, __new__ overrides, instances as indexes and keys.
class MyInt(int):
    def __add__(self, o): return MyInt(super().__add__(o) + 100)
    def __repr__(self): return f"MyInt({int(self)})"
a = MyInt(5)
print(a + 1, 1 + a, a * 2, -a, a == 5, a < 6, hash(a) == hash(5), bool(MyInt(0)), int(a), type(int(a)))
print([10,20,30,40,50,60][MyInt(2)], range(MyInt(3)), "%d" % a, f"{a:04d}", str(a), repr(a))
print(int.__add__(a, 2), super(MyInt, a).__add__(3), a.bit_length(), {5: 'x'}[a], a.real)
print(isinstance(a, int), issubclass(MyInt, int), MyInt("12"), MyInt("ff", 16))
a.tag = 1; print(a.tag, vars(a))
class B(int): pass
print(B(7), B(2**70), B(2**70) + 1, B(-3) // 2, divmod(B(7), 2), abs(B(-4)), B(3) ** 2, B(0) or "zero")
import json; print(json.dumps({"a": B(3)}), repr(True), True.__repr__(), int.__repr__(True), (5).__add__(2), (5).__radd__(1.0))
print(sorted([B(3), 1, B(2)]), max(B(1), B(9)), B(5) & 3, B(1) << 3, float(B(3)), round(B(7)), B(7) / 2, str(B(12)), format(B(255), 'x'))
class Celsius(int):
    def __new__(cls, v):
        if v < -273: raise ValueError("too cold")
        return super().__new__(cls, v)
c = Celsius(20); print(c, type(c).__name__, c + 1)
try: Celsius(-300)
except ValueError as e: print("err", e)
import enum
class Color(enum.IntEnum):
    RED = 1
    GREEN = 2
print(isinstance(True, int), True + True, bool.__mro__, True.__repr__())
try: MyInt("x")
except ValueError as e: print("ValueError", e)
try:
    class NoBool(bool): pass
except TypeError as e: print("TypeError", e)
