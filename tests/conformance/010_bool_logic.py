# and/or/not return operand values and short-circuit
def loud(x):
    print("eval", x)
    return x
print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print(None or "default", "" or [] or 0, [] and 5)
print(not 0, not 1, not "", not "x", not None)
r = loud(0) and loud(1)
print(r)
r = loud(1) or loud(2)
print(r)
r = loud(1) and loud(0) or loud(3)
print(r)
print(True + True, True * 10, False - 1)
print(bool(0), bool(0.0), bool(""), bool([]), bool({}), bool(()), bool(None))
print(bool(1), bool(-1), bool("0"), bool([0]), bool({0: 0}), bool((0,)))
print(True == 1, False == 0, str(True), repr(False))
print(not not 5)
