# re-raising with bare raise
def process(x):
    try:
        return 10 // x
    except ZeroDivisionError:
        print("logging and re-raising")
        raise
try:
    process(0)
except ZeroDivisionError as e:
    print("outer caught:", e)
def convert(s):
    try:
        return int(s)
    except ValueError as e:
        print("inner:", e)
        raise
for s in ["12", "x"]:
    try:
        print("converted", convert(s))
    except ValueError:
        print("outer ValueError")
try:
    try:
        raise KeyError("inner key")
    except KeyError:
        try:
            raise TypeError("nested")
        except TypeError:
            print("handled nested TypeError")
        raise
except KeyError as e:
    print("re-raised original:", repr(e))
