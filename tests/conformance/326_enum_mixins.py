# enum: the int and str mixins (IntEnum, IntFlag, StrEnum) and their 3.11 str()/format()/repr.
from enum import IntEnum, IntFlag, StrEnum, auto
class Level(IntEnum):
    LOW = 1
    HIGH = 3
print(Level.LOW < Level.HIGH, Level.HIGH + 1, str(Level.LOW), repr(Level.HIGH), f"{Level.LOW}", sorted([Level.HIGH, Level.LOW]), Level(3) == 3)
class Bits(IntFlag):
    A = 1
    B = 2
print(Bits.A | Bits.B, repr(Bits.A | 4), Bits.B & 2, int(Bits.A | Bits.B), str(Bits.A))
class Mode(StrEnum):
    READ = auto()
    WRITE = "w"
print(Mode.READ, repr(Mode.WRITE), Mode.READ == "read", Mode("w"), Mode.READ.upper())
