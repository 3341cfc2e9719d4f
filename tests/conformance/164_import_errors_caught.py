# ImportError / ModuleNotFoundError can be caught
try:
    import helper_no_such_module_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, isinstance(e, ImportError))
try:
    import helper_no_such_module_either as alias
except ImportError as e:
    print("caught as ImportError:", type(e).__name__)
try:
    from helper_state import no_such_name
except ImportError as e:
    print("from-import of a missing name:", type(e).__name__)
from helper_state import add
print("add still importable:", add("x"))
