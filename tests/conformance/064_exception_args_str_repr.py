# exception objects: args, str(), repr()
excs = [ValueError(), ValueError("one"), ValueError("two", 2), KeyError("key"), KeyError(5),
        IndexError("list index out of range"), Exception(), RuntimeError(""), TypeError(None),
        ZeroDivisionError("division by zero"), NotImplementedError("todo")]
for e in excs:
    print(type(e).__name__, e.args, "|" + str(e) + "|", repr(e))
try:
    raise OverflowError("too big")
except ArithmeticError as e:
    print(e.args[0], isinstance(e, OverflowError), isinstance(e, Exception))
e = StopIteration(7)
print(e.args, repr(e))
print(repr(AssertionError("bad")), str(AssertionError()))
