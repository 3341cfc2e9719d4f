"""Weak references, after CPython 3.11's weakref module.

ref, getweakrefcount and getweakrefs are the native _weakref's
(interp/objects/weakref_object.h); the rest is written here over them. A dead referent's
callbacks run right after the statement that dropped the last reference (or at the
interpreter's next check point), not inside the decref, so the containers below may briefly
hold dead entries: every read (len, iteration, `in`, lookups) skips them, and the callbacks
drop them.
"""

from _weakref import ref, getweakrefcount, getweakrefs
from _collections_abc import MutableMapping, MutableSet

ReferenceType = ref

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]


# --- proxies -------------------------------------------------------------------------------

class _ProxyRef(ref):
    """The reference a proxy holds: never the shared plain ref, so each proxy counts in
    getweakrefcount, and it knows its proxy (weakly) so that proxy(obj) can be shared."""

    def __init__(self, obj, callback=None):
        super().__init__(obj, callback)


def _target(p):
    obj = object.__getattribute__(p, "_proxy_ref")()
    if obj is None:
        raise ReferenceError("weakly-referenced object no longer exists")
    return obj


def _unwrap(v):
    return _target(v) if isinstance(v, ProxyType) else v


def _forward_binary(name):
    def method(self, other):
        return getattr(_target(self), name)(_unwrap(other))
    method.__name__ = name
    return method


def _forward_unary(name):
    def method(self):
        return getattr(_target(self), name)()
    method.__name__ = name
    return method


class ProxyType:
    __slots__ = ("_proxy_ref", "__weakref__")

    def __getattr__(self, name):
        return getattr(_target(self), name)

    def __setattr__(self, name, value):
        setattr(_target(self), name, value)

    def __delattr__(self, name):
        delattr(_target(self), name)

    def __repr__(self):
        obj = object.__getattribute__(self, "_proxy_ref")()
        return "<weakproxy at %#x to %s at %#x>" % (id(self), type(obj).__name__, id(obj))

    def __str__(self):
        return str(_target(self))

    def __bool__(self):
        return bool(_target(self))

    def __len__(self):
        return len(_target(self))

    def __iter__(self):
        return iter(_target(self))

    def __next__(self):
        return next(_target(self))

    def __contains__(self, item):
        return item in _target(self)

    def __getitem__(self, key):
        return _target(self)[key]

    def __setitem__(self, key, value):
        _target(self)[key] = value

    def __delitem__(self, key):
        del _target(self)[key]

    def __hash__(self):
        raise TypeError("unhashable type: '%s'" % type(self).__name__)

    def __eq__(self, other):
        return _target(self) == _unwrap(other)

    def __ne__(self, other):
        return _target(self) != _unwrap(other)

    def __lt__(self, other):
        return _target(self) < _unwrap(other)

    def __le__(self, other):
        return _target(self) <= _unwrap(other)

    def __gt__(self, other):
        return _target(self) > _unwrap(other)

    def __ge__(self, other):
        return _target(self) >= _unwrap(other)

    def __index__(self):
        return _target(self).__index__()

    def __int__(self):
        return int(_target(self))

    def __float__(self):
        return float(_target(self))

    def __bytes__(self):
        return bytes(_target(self))

    def __reversed__(self):
        return reversed(_target(self))


for _name in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift",
              "and", "or", "xor", "matmul", "divmod"):
    for _form in ("__%s__", "__r%s__", "__i%s__"):
        _dunder = _form % _name
        if _dunder != "__idivmod__":
            setattr(ProxyType, _dunder, _forward_binary(_dunder))
for _dunder in ("__neg__", "__pos__", "__abs__", "__invert__"):
    setattr(ProxyType, _dunder, _forward_unary(_dunder))
del _name, _form, _dunder


class CallableProxyType(ProxyType):
    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return _target(self)(*args, **kwargs)


ProxyTypes = (ProxyType, CallableProxyType)


def proxy(obj, callback=None):
    """A proxy to obj that raises ReferenceError once obj is gone; callback(proxy) runs then."""
    ref(obj)  # the TypeError for objects that cannot be weakly referenced
    kind = CallableProxyType if callable(obj) else ProxyType
    if callback is None:
        for r in getweakrefs(obj):
            if type(r) is _ProxyRef and r.__callback__ is None:
                existing = r._proxy()
                if existing is not None:
                    return existing
    p = object.__new__(kind)
    if callback is None:
        r = _ProxyRef(obj)
    else:
        def on_death(_, proxy_ref=ref(p)):
            current = proxy_ref()
            if current is not None:
                callback(current)
        r = _ProxyRef(obj, on_death)
    r._proxy = ref(p)
    object.__setattr__(p, "_proxy_ref", r)
    return p


# --- WeakMethod ------------------------------------------------------------------------------

def _bind(func, obj):
    """func bound to obj: gilsim's method type cannot be called to make one, so it is looked
    up on obj again (the usual case), else a plain function calling func with obj first."""
    bound = getattr(obj, getattr(func, "__name__", ""), None)
    if getattr(bound, "__func__", None) is func and getattr(bound, "__self__", None) is obj:
        return bound

    def method(*args, **kwargs):
        return func(obj, *args, **kwargs)
    return method


class WeakMethod(ref):
    """A weak reference to a bound method: it dies with its object or its function, and
    calling it rebuilds the bound method."""

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def on_death(_):
            me = me_ref()
            if me is not None and me._alive:
                me._alive = False
                if callback is not None:
                    callback(me)

        self = ref.__new__(cls, obj, on_death)
        self._func_ref = ref(func, on_death)
        self._meth_type = type(meth)
        self._alive = True
        me_ref = ref(self)
        return self

    def __init__(self, meth, callback=None):
        pass

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return _bind(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


# --- WeakValueDictionary --------------------------------------------------------------------

class KeyedRef(ref):
    """A weak reference that remembers the dictionary key it is stored under."""

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        pass


def _alive_values(data):
    """(key, value) for the live entries of a key -> ref dict, over a snapshot."""
    for key, wr in list(data.items()):
        value = wr()
        if value is not None:
            yield key, value


class WeakValueDictionary(MutableMapping):
    """A mapping whose values are weakly referenced: an entry goes when its value dies."""

    def __init__(self, other=(), /, **kwargs):
        def remove(wr, self_ref=ref(self)):
            me = self_ref()
            if me is not None and me.data.get(wr.key) is wr:
                del me.data[wr.key]
        self._remove = remove
        self.data = {}
        self.update(other, **kwargs)

    def __getitem__(self, key):
        value = self.data[key]()
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def __delitem__(self, key):
        if self.data[key]() is None:
            del self.data[key]
            raise KeyError(key)
        del self.data[key]

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def __contains__(self, key):
        try:
            wr = self.data[key]
        except KeyError:
            return False
        return wr() is not None

    def __iter__(self):
        for key, _ in _alive_values(self.data):
            yield key

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        value = wr()
        return default if value is None else value

    def keys(self):
        return [k for k, _ in _alive_values(self.data)]

    def values(self):
        return [v for _, v in _alive_values(self.data)]

    def items(self):
        return list(_alive_values(self.data))

    def itervaluerefs(self):
        for wr in list(self.data.values()):
            if wr() is not None:
                yield wr

    def valuerefs(self):
        return list(self.itervaluerefs())

    def copy(self):
        new = WeakValueDictionary()
        for key, value in _alive_values(self.data):
            new[key] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        for key, value in _alive_values(self.data):
            new[deepcopy(key, memo)] = value
        return new

    def pop(self, key, *default):
        try:
            value = self.data.pop(key)()
        except KeyError:
            value = None
        if value is None:
            if default:
                return default[0]
            raise KeyError(key)
        return value

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            value = wr()
            if value is not None:
                return key, value

    def setdefault(self, key, default=None):
        value = self.get(key)
        if value is None:
            self[key] = default
            return default
        return value

    def clear(self):
        self.data.clear()

    def update(self, other=(), /, **kwargs):
        if hasattr(other, "keys"):
            other = [(k, other[k]) for k in other.keys()]
        for key, value in other:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def __or__(self, other):
        if isinstance(other, (dict, WeakValueDictionary)) or hasattr(other, "keys"):
            new = self.copy()
            new.update(other)
            return new
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


# --- WeakKeyDictionary ----------------------------------------------------------------------

class WeakKeyDictionary(MutableMapping):
    """A mapping whose keys are weakly referenced: an entry goes when its key dies."""

    def __init__(self, dict=None):
        def remove(wr, self_ref=ref(self)):
            me = self_ref()
            if me is not None:
                me.data.pop(wr, None)
        self._remove = remove
        self.data = {}
        if dict is not None:
            self.update(dict)

    def _live(self):
        for wr, value in list(self.data.items()):
            key = wr()
            if key is not None:
                yield key, value

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __iter__(self):
        for key, _ in self._live():
            yield key

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def keys(self):
        return [k for k, _ in self._live()]

    def values(self):
        return [v for _, v in self._live()]

    def items(self):
        return list(self._live())

    def keyrefs(self):
        return [wr for wr in list(self.data) if wr() is not None]

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in self._live():
            new[key] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        for key, value in self._live():
            new[key] = deepcopy(value, memo)
        return new

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def popitem(self):
        while True:
            wr, value = self.data.popitem()
            key = wr()
            if key is not None:
                return key, value

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def clear(self):
        self.data.clear()

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if hasattr(dict, "items"):
                dict = dict.items()
            for key, value in dict:
                self[key] = value
        if kwargs:
            self.update(kwargs)

    def __or__(self, other):
        if hasattr(other, "keys"):
            new = self.copy()
            new.update(other)
            return new
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


# --- WeakSet --------------------------------------------------------------------------------

class WeakSet(MutableSet):
    """A set whose members are weakly referenced: a member goes when it dies."""

    def __init__(self, data=None):
        def remove(wr, self_ref=ref(self)):
            me = self_ref()
            if me is not None:
                me.data.discard(wr)
        self._remove = remove
        self.data = set()
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in list(self.data):
            item = wr()
            if item is not None:
                yield item

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return "<%s object at %#x>" % (type(self).__name__, id(self))

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def pop(self):
        while True:
            try:
                wr = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            item = wr()
            if item is not None:
                return item

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    def update(self, other):
        for item in other:
            self.add(item)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        new = self.copy()
        new.difference_update(other)
        return new

    __sub__ = difference

    def difference_update(self, other):
        for item in list(other):
            self.discard(item)

    def __isub__(self, other):
        self.difference_update(other)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def intersection_update(self, other):
        keep = [item for item in other if item in self]
        self.clear()
        self.update(keep)

    def __iand__(self, other):
        self.intersection_update(other)
        return self

    def issubset(self, other):
        return all(item in other for item in self)

    __le__ = issubset

    def __lt__(self, other):
        return len(self) < len(other) and self.issubset(other)

    def issuperset(self, other):
        return all(item in self for item in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return len(self) > len(other) and self.issuperset(other)

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return set(ref(x) for x in self) == set(ref(x) for x in other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def symmetric_difference(self, other):
        new = self.copy()
        new.symmetric_difference_update(other)
        return new

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        for item in list(other):
            if item in self:
                self.discard(item)
            else:
                self.add(item)

    def __ixor__(self, other):
        self.symmetric_difference_update(other)
        return self

    def union(self, other):
        new = self.copy()
        new.update(other)
        return new

    __or__ = union

    def isdisjoint(self, other):
        return not any(item in self for item in other)


# --- finalize -------------------------------------------------------------------------------

class _FinalizeInfo:
    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")


class finalize:
    """finalize(obj, func, *args, **kwargs): calls func(*args, **kwargs) once, when obj dies,
    when the finalizer is called, or at exit (while `atexit` is true), whichever is first."""

    __slots__ = ()
    _registry = {}
    _shutdown = False
    _next_index = 0
    _registered_with_atexit = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        info = _FinalizeInfo()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._next_index
        finalize._next_index += 1
        finalize._registry[self] = info

    def __call__(self, _=None):
        """Calls the function now, if it has not been called (or detached); returns its result."""
        info = finalize._registry.pop(self, None)
        if info is not None and not finalize._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """(obj, func, args, kwargs) and the finalizer is dead; None if it was dead already."""
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """(obj, func, args, kwargs) while alive, else None."""
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in finalize._registry

    @property
    def atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (type(self).__name__, id(self),
                                                      type(obj).__name__, id(obj))

    @classmethod
    def _select_for_exit(cls):
        chosen = [(f, i) for (f, i) in list(cls._registry.items()) if i.atexit]
        chosen.sort(key=lambda item: item[1].index)
        return [f for (f, i) in chosen]

    @classmethod
    def _exitfunc(cls):
        # The newest first, chosen again after each call: a finalizer may make or end others.
        try:
            while True:
                pending = cls._select_for_exit()
                if not pending:
                    break
                f = pending[-1]
                try:
                    f()
                except Exception:
                    import traceback
                    traceback.print_exc()
                cls._registry.pop(f, None)
        finally:
            finalize._shutdown = True
