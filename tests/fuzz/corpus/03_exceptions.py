class MyError(ValueError):
    pass
def f(n):
    if n > 2:
        raise MyError("too big", n)
    return 10 // n
for i in range(4):
    try:
        print(f(i))
    except ZeroDivisionError as e:
        print("zero", e)
    except (MyError, KeyError) as e:
        print("mine", e.args)
    else:
        print("ok")
    finally:
        print("done", i)
try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))
assert 1 + 1 == 2, "math"
