# What a failed import says, as CPython 3.11 words it.
try:
    import helper_pkg.missing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from helper_pkg import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import helper_geometry.inner
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from . import helper_geometry
except ImportError as e:
    print(type(e).__name__, e)
try:
    import no_such_top_level_module
except ImportError as e:
    print(type(e).__name__, e)
import sys
print("helper_pkg.missing" in sys.modules)
print(__import__("helper_pkg.sub").__name__)
print(__import__("helper_pkg.sub", fromlist=["leaf"]).leaf.__name__)
print(__import__("sys") is sys)
