# helper module whose function raises (not a test itself)
print("helper_fail imported")


def explode(what):
    raise RuntimeError("helper exploded on " + what)


def call_explode(what):
    return explode(what)
