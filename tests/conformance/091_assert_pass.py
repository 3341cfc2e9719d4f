# assert statements that pass, and a caught AssertionError
assert True
assert 1 + 1 == 2, "math works"
assert [1], "non-empty list is truthy"
def check(x):
    assert x > 0, "x must be positive, got " + str(x)
    return x
print(check(5))
try:
    check(-3)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare AssertionError args:", e.args)
evaluated = []
def side():
    evaluated.append(1)
    return "msg"
assert True, side()
print("message evaluated only on failure:", evaluated)
