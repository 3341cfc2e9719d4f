# raise X from Y (caught; only the exception itself is inspected)
class ConfigError(Exception):
    pass
def load(d, key):
    try:
        return d[key]
    except KeyError as e:
        raise ConfigError("missing setting " + repr(key)) from e
try:
    load({"a": 1}, "b")
except ConfigError as e:
    print(type(e).__name__, e)
print(load({"a": 1}, "a"))
try:
    try:
        int("zz")
    except ValueError:
        raise RuntimeError("wrapped") from None
except RuntimeError as e:
    print("caught", e, e.args)
