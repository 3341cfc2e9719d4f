# exceptions propagate through several frames to a handler
def level3(x):
    print("  level3", x)
    if x == "bad":
        raise ValueError("bad input at level3")
    return x.upper()
def level2(x):
    print("  level2")
    return level3(x) + "!"
def level1(x):
    print("  level1")
    try:
        return level2(x)
    finally:
        print("  level1 finally")
for arg in ["good", "bad"]:
    try:
        print("result:", level1(arg))
    except ValueError as e:
        print("handled at top:", e)
def recurse(n):
    if n == 0:
        raise KeyError("bottom")
    return recurse(n - 1)
try:
    recurse(50)
except KeyError as e:
    print("from deep recursion:", e)
