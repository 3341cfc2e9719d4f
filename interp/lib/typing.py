"""Type hints, after CPython 3.11's typing (Lib/typing.py): enough that annotated code imports
and runs.

The special forms (Any, Optional, Union, Callable, ...) and the generic aliases (List, Dict,
...) are objects that subscript to other aliases with CPython's reprs; nothing here checks
types, as nothing in CPython does at run time either. Generic and Protocol are classes whose
subscriptions give the class back, so `class Box(Generic[T])` works without __mro_entries__.
NamedTuple and TypedDict take the functional form and the class form (reading the class's
__annotations__, which gilsim keeps as strings).
"""

import collections as _collections

__all__ = [
    "Annotated", "Any", "AnyStr", "Callable", "ClassVar", "Concatenate", "Final", "ForwardRef",
    "Generic", "Literal", "LiteralString", "Never", "NoReturn", "Optional", "ParamSpec",
    "Protocol", "Self", "Tuple", "Type", "TypeAlias", "TypeGuard", "TypeVar", "TypeVarTuple",
    "Union", "Unpack", "AbstractSet", "ByteString", "Container", "ContextManager", "Hashable",
    "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping", "MappingView", "MutableMapping",
    "MutableSequence", "MutableSet", "Sequence", "Sized", "ValuesView", "Awaitable",
    "AsyncIterator", "AsyncIterable", "Coroutine", "Collection", "AsyncGenerator",
    "AsyncContextManager", "Reversible", "SupportsAbs", "SupportsBytes", "SupportsComplex",
    "SupportsFloat", "SupportsIndex", "SupportsInt", "SupportsRound", "ChainMap", "Counter",
    "Deque", "Dict", "DefaultDict", "List", "OrderedDict", "Set", "FrozenSet", "NamedTuple",
    "TypedDict", "Generator", "BinaryIO", "IO", "Match", "Pattern", "TextIO", "assert_never",
    "assert_type", "cast", "final", "get_args", "get_origin", "get_type_hints", "NewType",
    "no_type_check", "no_type_check_decorator", "overload", "reveal_type", "runtime_checkable",
    "Text", "TYPE_CHECKING",
]

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return "..."
    if obj is None or obj is type(None):
        return "None"
    if isinstance(obj, tuple) and not obj:
        return "()"
    if isinstance(obj, (list, tuple)):
        return "[%s]" % ", ".join(_type_repr(t) for t in obj)
    return repr(obj)


class _Final:
    """The base of typing's own objects: they are hashable by identity and not subclassed."""


class _GenericAlias(_Final):
    """An alias such as List[int]: origin, args, and a repr like CPython's."""

    def __init__(self, origin, args, name=None, module="typing", inst=True):
        if not isinstance(args, tuple):
            args = (args,)
        self._inst = inst  # False for List, Dict, ...: CPython refuses List[int]()
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._module = module

    def __repr__(self):
        name = self._name or _type_repr(self.__origin__)
        prefix = self._module + "." if self._module and self._name else ""
        if not self.__args__:
            return prefix + name
        return "%s%s[%s]" % (prefix, name, ", ".join(_type_repr(a) for a in self.__args__))

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if not self._inst:
            raise TypeError("Type %s cannot be instantiated; use %s() instead" % (
                self._name, origin.__name__.lower()))
        if not callable(origin) or isinstance(origin, (_SpecialForm, _AbstractName)):
            raise TypeError("Cannot instantiate %r" % (self,))
        return origin(*args, **kwargs)

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, params, self._name, self._module, self._inst)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class _SpecialGenericAlias(_GenericAlias):
    """An unsubscripted alias of a class (List, Dict, ...): subscripts to a _GenericAlias."""

    def __init__(self, origin, name, nparams=-1, inst=True):
        _GenericAlias.__init__(self, origin, (), name, "typing", inst)
        self._nparams = nparams

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError("Too %s arguments for %s; actual %d, expected %d" % (
                "many" if len(params) > self._nparams else "few", self, len(params),
                self._nparams))
        return _GenericAlias(self.__origin__, params, self._name, "typing", self._inst)


class _CallableAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        return _CallableGenericAlias(self.__origin__, (args, result), self._name)


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        args, result = self.__args__
        if args is ...:
            shown = "..."
        else:
            shown = "[%s]" % ", ".join(_type_repr(a) for a in args)
        return "typing.Callable[%s, %s]" % (shown, _type_repr(result))


class _TupleAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if params == ():
            return _GenericAlias(tuple, ((),), "Tuple", "typing", False)
        return _GenericAlias(tuple, params, "Tuple", "typing", False)


class _SpecialForm(_Final):
    """Any, Optional, Union, ClassVar, Final, Literal, ...: a name and how it subscripts."""

    def __init__(self, name, subscript=None):
        self._name = name
        self._subscript = subscript

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if self._subscript is None:
            raise TypeError("%r is not subscriptable" % self)
        return self._subscript(self, params)

    def __call__(self, *args, **kwargs):
        if self._name == "Any":  # a class in CPython 3.11, with its own message
            raise TypeError("Any cannot be instantiated")
        raise TypeError("Cannot instantiate %r" % self)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError("%r cannot be used with isinstance()" % self)


class _UnionAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return "typing.Optional[%s]" % _type_repr(other)
        return "typing.Union[%s]" % ", ".join(_type_repr(a) for a in args)

    def __eq__(self, other):
        if not isinstance(other, _UnionAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


def _union(form, params):
    if not isinstance(params, tuple):
        params = (params,)
    if not params:
        raise TypeError("Cannot take a Union of no types.")
    flat = []
    for p in params:
        if p is None:
            p = type(None)
        members = p.__args__ if isinstance(p, _UnionAlias) else (p,)
        for m in members:
            if m not in flat:
                flat.append(m)
    if len(flat) == 1:
        return flat[0]
    return _UnionAlias(Union, tuple(flat), "Union")


def _optional(form, param):
    return _union(Union, (param, None))


def _one_argument(form, param):
    if isinstance(param, tuple):
        raise TypeError("%s accepts only single type." % form)
    return _GenericAlias(form, (param,), form._name)


def _any_arguments(form, params):
    return _GenericAlias(form, params, form._name)


def _annotated(form, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments "
                        "(a type and an annotation).")
    return _GenericAlias(form, params, form._name)


Any = _SpecialForm("Any")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
TypeAlias = _SpecialForm("TypeAlias")
Union = _SpecialForm("Union", _union)
Optional = _SpecialForm("Optional", _optional)
ClassVar = _SpecialForm("ClassVar", _one_argument)
Final = _SpecialForm("Final", _one_argument)
TypeGuard = _SpecialForm("TypeGuard", _one_argument)
Unpack = _SpecialForm("Unpack", _one_argument)
Literal = _SpecialForm("Literal", _any_arguments)
Concatenate = _SpecialForm("Concatenate", _any_arguments)
Annotated = _SpecialForm("Annotated", _annotated)


class TypeVar(_Final):
    """TypeVar('T', *constraints, bound=None, covariant=False, contravariant=False)."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(_Final):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.args = "%s.args" % name
        self.kwargs = "%s.kwargs" % name

    def __repr__(self):
        return "~" + self.__name__


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


AnyStr = TypeVar("AnyStr", bytes, str)


class Generic:
    """The base of user generic classes: Box(Generic[T]) subscripts to the class itself."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    """The base of structural types; instances are not checked, as in CPython without
    runtime_checkable."""


class ForwardRef(_Final):
    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError("Forward reference must be a string -- got %r" % (arg,))
        self.__forward_arg__ = arg

    def __repr__(self):
        return "ForwardRef(%r)" % (self.__forward_arg__,)


def _alias(origin, name, nparams=-1, inst=True):
    return _SpecialGenericAlias(origin, name, nparams, inst)


List = _alias(list, "List", 1, inst=False)
Dict = _alias(dict, "Dict", 2, inst=False)
Set = _alias(set, "Set", 1, inst=False)
FrozenSet = _alias(frozenset, "FrozenSet", 1, inst=False)
Tuple = _TupleAlias(tuple, "Tuple", -1, False)
Type = _alias(type, "Type", 1, inst=False)
Deque = _alias(_collections.deque, "Deque", 1)
DefaultDict = _alias(_collections.defaultdict, "DefaultDict", 2)
OrderedDict = _alias(_collections.OrderedDict, "OrderedDict", 2)
Counter = _alias(_collections.Counter, "Counter", 1)
ChainMap = _alias(_collections.ChainMap, "ChainMap", 2)
Callable = _CallableAlias(callable, "Callable")
Text = str


class _AbstractName(_Final):
    """An abstract collection name (Iterable, Mapping, ...): only subscripts and prints."""

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        return _GenericAlias(self, params, self._name)

    def __call__(self, *args, **kwargs):
        raise TypeError("Type %s cannot be instantiated" % self._name)


Hashable = _AbstractName("Hashable")
Awaitable = _AbstractName("Awaitable")
Coroutine = _AbstractName("Coroutine")
AsyncIterable = _AbstractName("AsyncIterable")
AsyncIterator = _AbstractName("AsyncIterator")
Iterable = _AbstractName("Iterable")
Iterator = _AbstractName("Iterator")
Reversible = _AbstractName("Reversible")
Sized = _AbstractName("Sized")
Container = _AbstractName("Container")
Collection = _AbstractName("Collection")
AbstractSet = _AbstractName("AbstractSet")
MutableSet = _AbstractName("MutableSet")
Mapping = _AbstractName("Mapping")
MutableMapping = _AbstractName("MutableMapping")
Sequence = _AbstractName("Sequence")
MutableSequence = _AbstractName("MutableSequence")
ByteString = _AbstractName("ByteString")
MappingView = _AbstractName("MappingView")
KeysView = _AbstractName("KeysView")
ItemsView = _AbstractName("ItemsView")
ValuesView = _AbstractName("ValuesView")
ContextManager = _AbstractName("ContextManager")
AsyncContextManager = _AbstractName("AsyncContextManager")
Generator = _AbstractName("Generator")
AsyncGenerator = _AbstractName("AsyncGenerator")
SupportsInt = _AbstractName("SupportsInt")
SupportsFloat = _AbstractName("SupportsFloat")
SupportsComplex = _AbstractName("SupportsComplex")
SupportsBytes = _AbstractName("SupportsBytes")
SupportsIndex = _AbstractName("SupportsIndex")
SupportsAbs = _AbstractName("SupportsAbs")
SupportsRound = _AbstractName("SupportsRound")
IO = _AbstractName("IO")
TextIO = _AbstractName("TextIO")
BinaryIO = _AbstractName("BinaryIO")
Pattern = _AbstractName("Pattern")
Match = _AbstractName("Match")


def cast(typ, val):
    """Returns val unchanged: a hint to the type checker only."""
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + "..."
    raise AssertionError("Expected code to be unreachable, but got: %s" % value)


def reveal_type(obj):
    import sys
    sys.stderr.write("Runtime type is %r\n" % (type(obj).__name__,))
    return obj


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. A series of @typing.overload-"
            "decorated functions outside a stub module should always be followed by an "
            "implementation that is not @typing.overload-ed.")
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def runtime_checkable(cls):
    return cls


def get_origin(tp):
    if isinstance(tp, _GenericAlias):
        if isinstance(tp, _SpecialGenericAlias):
            return tp.__origin__
        if tp.__origin__ is Annotated:
            return Annotated
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _GenericAlias) and not isinstance(tp, _SpecialGenericAlias):
        if isinstance(tp, _CallableGenericAlias):
            args, result = tp.__args__
            return (list(args) if args is not ... else ..., result)
        return tp.__args__
    return ()


def _evaluate_hint(value, globalns, localns):
    if value is None:
        return type(None)
    if isinstance(value, str):
        return _evaluate_hint(eval(value, globalns, localns), globalns, localns)
    return value


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of obj, string ones (PEP 563, and a class body's, which gilsim keeps as
    text) evaluated in the namespace that defined them; None becomes NoneType."""
    import sys as _sys
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            annotations = base.__dict__.get("__annotations__", {})
            module = _sys.modules.get(base.__module__)
            base_globals = globalns if globalns is not None else getattr(module, "__dict__", {})
            base_locals = dict(base.__dict__) if localns is None else localns
            for name, value in annotations.items():
                hints[name] = _evaluate_hint(value, base_globals, base_locals)
        return hints
    if globalns is None:
        globalns = getattr(obj, "__globals__", None)
        if globalns is None:
            module = _sys.modules.get(getattr(obj, "__module__", None))
            globalns = getattr(module, "__dict__", {})
    if localns is None:
        localns = globalns
    for name, value in getattr(obj, "__annotations__", {}).items():
        hints[name] = _evaluate_hint(value, globalns, localns)
    return hints


class NewType:
    """NewType('UserId', int): a callable that returns its argument, named for the checker."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name.rpartition(".")[2]
        self.__supertype__ = tp
        self.__module__ = "__main__"

    def __repr__(self):
        return "%s.%s" % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]


def _namedtuple_from_fields(typename, fields, defaults, module):
    nt = _collections.namedtuple(typename, [n for n, _ in fields], defaults=defaults,
                                 module=module)
    nt.__annotations__ = dict(fields)
    return nt


def _metaclasses_work():
    class Probe(type):
        pass

    class Host(metaclass=Probe):
        pass
    return type(Host) is Probe


# What a NamedTuple class body may not define, and what it keeps from the body (CPython's
# _prohibited and _special).
_PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                         "_field_defaults", "_make", "_replace", "_asdict", "_source"})
_SPECIAL = frozenset({"__module__", "__name__", "__annotations__", "__qualname__"})


def _field_defaults_of(typename, names, has_default, default_of):
    defaults = []
    default_names = []
    for name in names:
        if has_default(name):
            defaults.append(default_of(name))
            default_names.append(name)
        elif defaults:
            raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                            % (name, "s" if len(default_names) > 1 else "",
                               ", ".join(default_names)))
    return defaults


if _metaclasses_work():
    class NamedTupleMeta(type):
        """Makes `class P(NamedTuple): x: int` a collections.namedtuple, as CPython does."""

        def __new__(cls, typename, bases, ns):
            if ns.get("_root", False):
                return super().__new__(cls, typename, bases, ns)
            annotations = ns.get("__annotations__", {})
            names = list(annotations)
            defaults = _field_defaults_of(typename, names, lambda n: n in ns, lambda n: ns[n])
            nt = _namedtuple_from_fields(typename, list(annotations.items()), defaults or None,
                                         ns.get("__module__", "__main__"))
            for key in ns:
                if key in _PROHIBITED:
                    raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
                if key not in _SPECIAL and key not in nt._fields:
                    setattr(nt, key, ns[key])
            return nt

    class NamedTuple(metaclass=NamedTupleMeta):
        """NamedTuple('P', [('x', int)]) or `class P(NamedTuple): x: int`: a namedtuple."""
        _root = True

        def __new__(cls, typename, fields=None, /, **kwargs):
            if fields is None:
                fields = list(kwargs.items())
            return _namedtuple_from_fields(typename, list(fields), None, "__main__")
else:
    class NamedTuple(getattr(_collections, "_TupleFields", object)):
        """NamedTuple('P', [('x', int)]) or `class P(NamedTuple): x: int`.

        Without metaclasses (gilsim today) the class form's instances are made by __init__ as
        tuple-like objects of the subclass itself, and the functional form says it is not
        supported."""

        def __init__(self, *args, **kwargs):
            cls = type(self)
            if cls is NamedTuple:
                raise TypeError("typing.NamedTuple('Name', fields) is not supported by gilsim "
                                "yet; use collections.namedtuple or the class form")
            made = _class_namedtuple(cls)
            self._values = tuple(made(*args, **kwargs))

        def __getattr__(self, name):
            fields = _class_namedtuple(type(self))._fields
            if name in fields:
                return self._values[fields.index(name)]
            raise AttributeError("'%s' object has no attribute '%s'" %
                                 (type(self).__name__, name))

        def __repr__(self):
            return "%s(%s)" % (type(self).__name__, ", ".join(
                "%s=%r" % (name, value) for name, value in zip(self._fields, self._values)))

        def _asdict(self):
            return dict(zip(self._fields, self._values))

        def _replace(self, **kwds):
            values = self._asdict()
            for name in kwds:
                if name not in values:
                    raise ValueError("Got unexpected field names: %r" % list(kwds))
            values.update(kwds)
            return type(self)(**values)

        @classmethod
        def _make(cls, iterable):
            return cls(*iterable)


_class_namedtuples = {}


def _class_namedtuple(cls):
    made = _class_namedtuples.get(cls)
    if made is not None:
        return made
    annotations = getattr(cls, "__annotations__", {})
    names = list(annotations)
    defaults = _field_defaults_of(cls.__name__, names, lambda n: hasattr(cls, n),
                                  lambda n: getattr(cls, n))
    made = _namedtuple_from_fields(cls.__name__, list(annotations.items()), defaults or None,
                                   cls.__module__)
    cls._fields = made._fields
    cls._field_defaults = made._field_defaults
    _class_namedtuples[cls] = made
    return made


if _metaclasses_work():
    class _TypedDictMeta(type):
        """Makes `class Movie(TypedDict): name: str` a dict subclass whose call gives a plain
        dict, as CPython does."""

        def __new__(cls, name, bases, ns, total=True):
            if ns.get("_root", False):
                return super().__new__(cls, name, bases, ns)
            annotations = {}
            for base in bases:
                annotations.update(getattr(base, "__annotations__", {}))
            annotations.update(ns.get("__annotations__", {}))
            namespace = dict(ns)
            namespace["__annotations__"] = annotations
            namespace["__total__"] = total
            return super().__new__(cls, name, (dict,), namespace)

        def __call__(cls, *args, **kwargs):
            if cls is TypedDict:
                if not args or not isinstance(args[0], str):
                    raise TypeError("TypedDict takes a name and a dict of fields")
                fields = args[1] if len(args) > 1 else kwargs
                return _TypedDictMeta(args[0], (), {"__annotations__": dict(fields),
                                                    "__module__": "__main__"})
            return dict(*args, **kwargs)

    class TypedDict(metaclass=_TypedDictMeta):
        """TypedDict('Movie', {'name': str}) or `class Movie(TypedDict): name: str`."""
        _root = True
else:
    class TypedDict:
        """Needs metaclasses (gilsim: not yet): says so when used."""

        def __init__(self, *args, **kwargs):
            raise TypeError("typing.TypedDict is not supported by gilsim yet (it needs "
                            "metaclasses); use a dict")
