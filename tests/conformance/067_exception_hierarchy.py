# catching via base classes of the built-in hierarchy
def run(fn):
    try:
        fn()
    except ArithmeticError as e:
        return "ArithmeticError<-" + type(e).__name__
    except LookupError as e:
        return "LookupError<-" + type(e).__name__
    except OSError as e:
        return "OSError<-" + type(e).__name__
    except Exception as e:
        return "Exception<-" + type(e).__name__
    return "no error"
print(run(lambda: 1 / 0))
print(run(lambda: 1 % 0))
print(run(lambda: [][1]))
print(run(lambda: {}[1]))
print(run(lambda: open("/nonexistent/gilsim/file.txt")))
print(run(lambda: int("q")))
print(run(lambda: None))
def raiser(cls):
    def f():
        raise cls("x")
    return f
for cls in [OverflowError, NotImplementedError, RecursionError, ModuleNotFoundError,
            FileNotFoundError, UnboundLocalError, KeyError]:
    print(cls.__name__, run(raiser(cls)))
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
try:
    raise SystemExit(4)
except BaseException as e:
    print("SystemExit caught", e.args)
