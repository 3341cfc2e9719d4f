# A package for the import tests (210-212): relative imports at every level.
print("helper_pkg init", __name__, __package__)
from . import mod
from .mod import shout

VERSION = "1.0"
