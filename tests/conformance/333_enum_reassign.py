# enum: a member cannot be reassigned (EnumType.__setattr__, a metaclass's __setattr__).
from enum import Enum
class Color(Enum):
    RED = 1
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError", e)
print(Color.RED)
