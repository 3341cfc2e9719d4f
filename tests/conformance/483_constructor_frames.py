# Constructing objects whose __init__ the eval loop runs as its own frame: defaults, *args and
# keyword-only parameters, __init__ returning a value, raising, being a generator, missing
# arguments, and subclasses: each as CPython reports it.
class P:
    def __init__(self, x, y=2, *rest, k=3):
        self.x = x; self.y = y; self.rest = rest; self.k = k
class Q:
    def __init__(self):
        return 5
class R:
    def __init__(self, a):
        raise ValueError("bad %s" % a)
class G:
    def __init__(self):
        self.v = 1
        yield 1
print(vars(P(1)), vars(P(1, 5, 6, 7)))
try:
    Q()
except TypeError as e:
    print("TypeError", e)
try:
    R(3)
except ValueError as e:
    print("ValueError", e)
try:
    P()
except TypeError as e:
    print("TypeError", e)
try:
    G()
except TypeError as e:
    print("TypeError", e)
class S(P):
    pass
print(vars(S(9)))
import traceback
try:
    Q()
except TypeError:
    print(traceback.format_exc().splitlines()[-1])
