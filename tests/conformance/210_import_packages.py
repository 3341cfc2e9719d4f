# Packages and dotted imports: each level runs once, lands in sys.modules under its full name
# and is bound as an attribute of its parent.
import sys

import helper_pkg.sub.leaf

print(helper_pkg.sub.leaf.describe())
print(helper_pkg.VERSION, helper_pkg.shout("hi"))
print(sorted(k for k in sys.modules if k.startswith("helper_pkg")))
print(sys.modules["helper_pkg.sub"] is helper_pkg.sub)
print(helper_pkg.sub.leaf.__name__, helper_pkg.sub.leaf.__package__)
print(helper_pkg.__package__, helper_pkg.sub.__package__)
print(helper_pkg.__file__.endswith("helper_pkg/__init__.py"))
print(helper_pkg.sub.leaf.__file__.endswith("helper_pkg/sub/leaf.py"))
print(len(helper_pkg.__path__), helper_pkg.__path__[0].endswith("helper_pkg"))
print(hasattr(helper_pkg.mod, "__path__"))

import helper_pkg.sub.leaf as leaf
print(leaf is sys.modules["helper_pkg.sub.leaf"])
from helper_pkg.sub import leaf as again
print(again is leaf)
from helper_pkg import sub, mod
print(sub.PARENT_VERSION, mod.shout("x"))
import helper_pkg.mod
print(helper_pkg.mod is mod)
print(__name__, __package__)
