from ..mod import shout
from . import PARENT_VERSION
from .. import mod as parent_mod


def describe():
    return shout("leaf of " + PARENT_VERSION) + " " + parent_mod.__name__
