"""Names for built-in types, after CPython 3.11's types (Lib/types.py).

The types are read off live objects, as CPython does, plus SimpleNamespace and
MappingProxyType; new_class, prepare_class and resolve_bases say they are not supported.
"""

import sys as _sys

__all__ = ["FunctionType", "LambdaType", "CodeType", "MappingProxyType", "SimpleNamespace",
           "GeneratorType", "CoroutineType", "AsyncGeneratorType", "coroutine", "MethodType", "BuiltinFunctionType", "BuiltinMethodType",
           "ModuleType", "TracebackType", "FrameType", "NoneType", "EllipsisType",
           "NotImplementedType", "GenericAlias", "UnionType", "new_class", "prepare_class",
           "resolve_bases"]


def _f():
    pass


def _g():
    yield 1


async def _co():
    pass


async def _ag():
    yield


class _C:
    def _m(self):
        pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(getattr(_f, "__code__", None))
GeneratorType = type(_g())
_c = _co()
CoroutineType = type(_c)
_c.close()  # never awaited, on purpose: no RuntimeWarning
AsyncGeneratorType = type(_ag())
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
del _f, _g, _co, _ag, _c, _C


class _GeneratorWrapper:
    """What a types.coroutine function returns for a generator: awaitable, and a generator still.

    CPython marks the generator's code as an iterable coroutine instead; the effect on `await`
    is the same: it delegates to the generator.
    """

    def __init__(self, gen):
        self.__wrapped = gen
        self.__name__ = getattr(gen, "__name__", None)
        self.__qualname__ = getattr(gen, "__qualname__", None)

    def send(self, value):
        return self.__wrapped.send(value)

    def throw(self, *args):
        return self.__wrapped.throw(*args)

    def close(self):
        return self.__wrapped.close()

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        return self.__wrapped

    def __await__(self):
        return self.__wrapped


def coroutine(func):
    """Makes a generator function usable with `await` (PEP 492's types.coroutine)."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')

    def wrapped(*args, **kwargs):
        result = func(*args, **kwargs)
        if type(result) is GeneratorType:
            return _GeneratorWrapper(result)
        return result

    for name in ("__module__", "__name__", "__qualname__", "__doc__"):
        try:
            setattr(wrapped, name, getattr(func, name))
        except AttributeError:
            pass
    wrapped.__wrapped__ = func
    return wrapped


class SimpleNamespace:
    """A plain object whose attributes are its keyword arguments, with a readable repr."""

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        items = ("%s=%r" % (k, v) for k, v in self.__dict__.items())
        return "namespace(%s)" % ", ".join(items)

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


class MappingProxyType:
    """A read-only view of a mapping."""

    def __init__(self, mapping):
        if not isinstance(mapping, dict) and not hasattr(mapping, "keys"):
            raise TypeError("mappingproxy() argument must be a mapping, not %s" %
                            type(mapping).__name__)
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __repr__(self):
        return "mappingproxy(%r)" % (self._mapping,)

    def __str__(self):
        return str(self._mapping)


def _unsupported(name):
    def function(*args, **kwargs):
        raise NotImplementedError("types.%s is not supported by gilsim" % name)
    function.__name__ = name
    return function


new_class = _unsupported("new_class")
prepare_class = _unsupported("prepare_class")
resolve_bases = _unsupported("resolve_bases")


# Types of objects gilsim does not make (traceback and frame objects, list[int] aliases,
# int | str unions): classes nothing is an instance of, so that isinstance() says False.
class TracebackType:
    pass


class FrameType:
    pass


def _type_repr(obj):
    if obj is Ellipsis:
        return "..."
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    if isinstance(obj, (list, tuple)) and not isinstance(obj, GenericAlias):
        return "[%s]" % ", ".join(_type_repr(a) for a in obj)
    return repr(obj)


class GenericAlias:
    """list[int], dict[str, int]: a built-in class with its parameters. It calls, and reads
    attributes, as the class itself; only typing looks at __origin__ and __args__."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self.__parameters__ = ()

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __repr__(self):
        if len(self.__args__) == 0:
            args = "()"
        else:
            args = ", ".join(_type_repr(a) for a in self.__args__)
        return "%s[%s]" % (_type_repr(self.__origin__), args)


class UnionType:
    """int | str | None (PEP 604): isinstance() and issubclass() accept it as the tuple of its
    members."""

    def __init__(self, args):
        self.__args__ = args
        self.__parameters__ = ()

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        return isinstance(obj, self._classes())

    def __subclasscheck__(self, cls):
        return issubclass(cls, self._classes())

    def _classes(self):
        for arg in self.__args__:
            if isinstance(arg, GenericAlias):
                raise TypeError("isinstance() argument 2 cannot be a parameterized generic")
        return tuple(type(None) if arg is None else arg for arg in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        return " | ".join("None" if a is None or a is type(None) else _type_repr(a)
                          for a in self.__args__)


def _union_member(obj):
    return obj is None or isinstance(obj, (type, GenericAlias, UnionType))


def _union(a, b):
    """a | b for classes, None, parameterized generics and unions: their members flattened,
    duplicates dropped; a single member is itself."""
    if not (_union_member(a) and _union_member(b)):
        return NotImplemented
    members = []
    for side in (a, b):
        for arg in side.__args__ if isinstance(side, UnionType) else (side,):
            arg = type(None) if arg is None else arg
            if arg not in members:
                members.append(arg)
    if len(members) == 1:
        return members[0]
    return UnionType(tuple(members))
