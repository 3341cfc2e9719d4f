# finally with break/continue/return and nested try blocks
def order():
    log = []
    try:
        log.append("outer try")
        try:
            log.append("inner try")
            raise ValueError("v")
        except ValueError:
            log.append("inner except")
            raise TypeError("t")
        finally:
            log.append("inner finally")
    except TypeError:
        log.append("outer except")
    finally:
        log.append("outer finally")
    return log
print(order())
def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f" + str(i))
    return out
print(loop_with_finally())
def nested_returns(x):
    try:
        try:
            if x:
                return "inner"
        finally:
            print("  inner finally")
        return "after"
    finally:
        print("  outer finally")
print(nested_returns(True))
print(nested_returns(False))
count = 0
while True:
    try:
        count += 1
        if count < 3:
            continue
        break
    finally:
        print("  while finally", count)
