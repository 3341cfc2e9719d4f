# __exit__ sees exceptions and can suppress them
class Suppress:
    def __init__(self, kind):
        self.kind = kind
    def __enter__(self):
        return "resource"
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("clean exit")
            return False
        print("exit saw", exc_type.__name__, exc)
        return isinstance(exc, self.kind)
with Suppress(ValueError) as r:
    print("got", r)
with Suppress(ValueError):
    raise ValueError("bad value")
print("suppressed and continued")
try:
    with Suppress(KeyError):
        raise TypeError("not suppressed")
except TypeError as e:
    print("propagated:", e)
with Suppress(LookupError):
    {}["missing"]
print("done")
