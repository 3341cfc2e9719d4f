# except with a tuple of classes, multiple handlers, `as` binding
def trigger(kind):
    if kind == "key":
        return {}["k"]
    if kind == "index":
        return [][0]
    if kind == "zero":
        return 1 // 0
    if kind == "type":
        return len(5)
    return "ok"
for kind in ["key", "index", "zero", "type", "none"]:
    try:
        result = trigger(kind)
        print(kind, "->", result)
    except (KeyError, IndexError) as e:
        print(kind, "lookup problem:", type(e).__name__)
    except ZeroDivisionError as e:
        print(kind, "math problem:", e)
    except (ValueError, TypeError) as err:
        print(kind, "other:", type(err).__name__)
try:
    raise ValueError("x")
except TypeError:
    print("wrong")
except (LookupError, ValueError):
    print("right handler")
except Exception:
    print("too late")
