# enum: Enum, Flag, auto, unique, aliases, lookups by value and name, reprs, the functional API,
# errors.
import enum
from enum import Enum, Flag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED.name, Color.RED.value, Color.RED in Color)
print(list(Color.__members__), Color.RED == 1, Color.RED == Color.RED, Color.RED != Color.BLUE, isinstance(Color.RED, Color))
print({Color.RED: "r"}[Color.CRIMSON], type(Color.RED), repr(Color), f"{Color.GREEN}", "%s" % Color.BLUE)
for bad in [lambda: Color(9), lambda: Color["PINK"], lambda: Color.RED < Color.BLUE]:
    try:
        bad()
    except (ValueError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, round(Planet.EARTH.gravity, 2), Planet.MERCURY.mass)
class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print([(m.name, m.value) for m in Auto])
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), bool(Perm.R & Perm.X), repr(~Perm.R), Perm(7), len(rw))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)
class Shape(Enum):
    SQUARE = 2
    @classmethod
    def _missing_(cls, value):
        return cls.SQUARE
    def describe(self):
        return "shape %s" % self.name.lower()
print(Shape(99), Shape.SQUARE.describe())
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal))
