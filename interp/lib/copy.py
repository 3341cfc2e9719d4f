"""Shallow and deep copy, after CPython 3.11's copy (Lib/copy.py).

copy(x) and deepcopy(x, memo) with __copy__/__deepcopy__ hooks, __reduce_ex__/__reduce__ for
other objects, and the memo that keeps shared and cyclic structure.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

# Types whose values are immutable: a copy is the value itself.
_atomic = (type(None), int, float, bool, str, bytes, type, range, type(len), type(Ellipsis),
           type(NotImplemented))
try:
    _atomic += (complex,)
except NameError:  # gilsim before complex
    pass


def _is_atomic(x):
    return isinstance(x, _atomic) or callable(x) and type(x).__name__ in (
        "function", "builtin_function_or_method")


def copy(x):
    """Shallow copy: a new container holding the same elements."""
    cls = type(x)
    if _is_atomic(x) or cls in (tuple, frozenset):
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if type(x).__name__ == "bytearray":
        return cls(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None, *_reduce(x, 4))


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy: containers copied recursively; shared parts and cycles kept as such."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
        # A tuple of atomic elements is its own copy, as in CPython.
        if all(a is b for a, b in zip(x, y)):
            y = x
        elif d in memo:
            return memo[d]
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls in (set, frozenset):
        y = cls(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo, *_reduce(x, 4))
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # Holds x for as long as memo lives, so that its id is not reused meanwhile.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reduce(x, protocol):
    cls = type(x)
    reductor = getattr(cls, "__reduce_ex__", None)
    if reductor is not None and reductor is not getattr(object, "__reduce_ex__", None):
        rv = reductor(x, protocol)
    else:
        reductor = getattr(cls, "__reduce__", None)
        if reductor is not None and reductor is not getattr(object, "__reduce__", None):
            rv = reductor(x)
        else:
            rv = _default_reduce(x)
    if isinstance(rv, str):
        return (x, None, None, None, None, True)
    rv = tuple(rv) + (None,) * (5 - len(rv))
    return rv[:5] + (False,)


def _default_reduce(x):
    # An instance of a plain class: a new object of its class with a copy of its __dict__.
    cls = type(x)
    if not hasattr(x, "__dict__"):
        raise Error("un(deep)copyable object of type %s" % cls)
    return (_new_instance, (cls,), dict(x.__dict__))


def _skip_init(self, *args, **kwargs):
    pass


def _new_instance(cls):
    # object.__new__(cls): an instance that __init__ has not run on. gilsim has no
    # object.__new__ yet, so the class's __init__ is stood aside for the one call (and put
    # back as the class's own attribute, which finds the same function).
    new = getattr(object, "__new__", None)
    if new is not None:
        return new(cls)
    init = cls.__init__
    cls.__init__ = _skip_init
    try:
        return cls()
    finally:
        cls.__init__ = init


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, atomic=False):
    if atomic:
        return x
    deep = memo is not None
    if deep and args:
        args = tuple(deepcopy(arg, memo) for arg in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, "__setstate__", None)
        if setstate is not None:
            setstate(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
