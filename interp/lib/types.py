"""Names for built-in types, after CPython 3.11's types (Lib/types.py).

The types are read off live objects, as CPython does, plus SimpleNamespace and
MappingProxyType; new_class, prepare_class and resolve_bases say they are not supported.
"""

import sys as _sys

__all__ = ["FunctionType", "LambdaType", "CodeType", "MappingProxyType", "SimpleNamespace",
           "GeneratorType", "MethodType", "BuiltinFunctionType", "BuiltinMethodType",
           "ModuleType", "TracebackType", "FrameType", "NoneType", "EllipsisType",
           "NotImplementedType", "GenericAlias", "UnionType", "new_class", "prepare_class",
           "resolve_bases"]


def _f():
    pass


def _g():
    yield 1


class _C:
    def _m(self):
        pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(getattr(_f, "__code__", None))
GeneratorType = type(_g())
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
del _f, _g, _C


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


class GenericAlias:
    pass


class UnionType:
    pass
