# try/except catching built-in exceptions
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return "div by zero"
print(safe_div(1, 2), safe_div(1, 0))
try:
    [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
try:
    {"a": 1}["b"]
except KeyError as e:
    print("KeyError:", e)
try:
    int("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    None.foo
except AttributeError as e:
    print("AttributeError:", e)
try:
    undefined_name
except NameError as e:
    print("NameError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    raise RuntimeError("custom message")
except Exception as e:
    print(type(e).__name__, e)
try:
    print("no error here")
except ValueError:
    print("not printed")
print("end")
