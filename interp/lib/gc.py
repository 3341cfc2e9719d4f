"""The garbage collector's interface. gilsim frees objects by reference counting and breaks
reference cycles only when the interpreter ends, so collect() finds nothing to free (it returns
0) and the switches and thresholds are recorded but change nothing; gc.disable() around a timed
loop, the common use, is exact."""

_enabled = True
_thresholds = (700, 10, 10)
garbage = []
callbacks = []
DEBUG_STATS = 1
DEBUG_COLLECTABLE = 2
DEBUG_UNCOLLECTABLE = 4
DEBUG_SAVEALL = 32
DEBUG_LEAK = 38
_debug = 0


def enable():
    global _enabled
    _enabled = True


def disable():
    global _enabled
    _enabled = False


def isenabled():
    return _enabled


def collect(generation=2):
    if not isinstance(generation, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(generation).__name__)
    if generation < 0 or generation > 2:
        raise ValueError("invalid generation")
    return 0


def get_count():
    return (0, 0, 0)


def get_threshold():
    return _thresholds


def set_threshold(threshold0, threshold1=None, threshold2=None):
    global _thresholds
    old = _thresholds
    _thresholds = (threshold0, old[1] if threshold1 is None else threshold1,
                   old[2] if threshold2 is None else threshold2)


def get_debug():
    return _debug


def set_debug(flags):
    global _debug
    _debug = flags


def freeze():
    pass


def unfreeze():
    pass


def get_freeze_count():
    return 0


def is_tracked(obj):
    return isinstance(obj, (list, dict, set, tuple)) or hasattr(obj, "__dict__")


def get_objects(generation=None):
    raise NotImplementedError("gc.get_objects() is not supported by gilsim")


def get_referrers(*objs):
    raise NotImplementedError("gc.get_referrers() is not supported by gilsim")


def get_referents(*objs):
    raise NotImplementedError("gc.get_referents() is not supported by gilsim")
