# try / except / else / finally ordering
def attempt(x):
    try:
        print("  try", x)
        r = 10 // x
    except ZeroDivisionError:
        print("  except")
        r = None
    else:
        print("  else", r)
    finally:
        print("  finally")
    return r
print(attempt(2))
print(attempt(0))
def finally_return():
    try:
        return "from try"
    finally:
        print("  finally runs before return")
print(finally_return())
def finally_overrides():
    try:
        return 1
    finally:
        return 2
print(finally_overrides())
def finally_on_raise():
    try:
        raise KeyError("k")
    finally:
        print("  cleanup")
try:
    finally_on_raise()
except KeyError as e:
    print("caught", repr(e))
for i in range(3):
    try:
        if i == 1:
            continue
        print("  loop body", i)
    finally:
        print("  loop finally", i)
