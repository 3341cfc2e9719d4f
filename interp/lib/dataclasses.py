"""Data classes, after CPython 3.11's dataclasses (Lib/dataclasses.py).

@dataclass with init/repr/eq/order/frozen/unsafe_hash/kw_only, field() with default,
default_factory, init, repr, compare, hash, metadata and kw_only, __post_init__, InitVar,
ClassVar, inheritance, fields, asdict, astuple, replace, is_dataclass and make_dataclass.

CPython generates each method's source and exec()s it; here the methods are closures over the
field list, with the same signatures' behaviour and CPython's error messages. The fields come
from the class's __annotations__, which gilsim keeps as strings (as under PEP 563), so ClassVar
and InitVar are recognised by name as CPython does for string annotations.
"""

import copy as _copy

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY",
           "MISSING", "fields", "asdict", "astuple", "make_dataclass", "replace",
           "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class _KwOnlyType:
    def __repr__(self):
        return "KW_ONLY"


KW_ONLY = _KwOnlyType()


class InitVar:
    """InitVar[T]: a pseudo-field passed to __init__ and __post_init__ but not stored."""

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        name = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return "dataclasses.InitVar[%s]" % name

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELD = "_FIELD"
_FIELD_CLASSVAR = "_FIELD_CLASSVAR"
_FIELD_INITVAR = "_FIELD_INITVAR"


class Field:
    """One field of a data class, as field() describes it."""

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else dict(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,"
                "hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)" % (
                    self.name, self.type, self.default, self.default_factory, self.init,
                    self.repr, self.hash, self.compare, self.metadata, self.kw_only,
                    self._field_type))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _annotation_kind(annotation):
    if isinstance(annotation, str):
        text = annotation.strip()
        head = text.split("[", 1)[0].strip()
        if head in ("ClassVar", "typing.ClassVar", "t.ClassVar"):
            return _FIELD_CLASSVAR
        if head in ("InitVar", "dataclasses.InitVar"):
            return _FIELD_INITVAR
        if text == "KW_ONLY" or text == "dataclasses.KW_ONLY":
            return "KW_ONLY"
        return _FIELD
    if isinstance(annotation, InitVar) or annotation is InitVar:
        return _FIELD_INITVAR
    if annotation is KW_ONLY:
        return "KW_ONLY"
    if repr(annotation).startswith("typing.ClassVar"):
        return _FIELD_CLASSVAR
    return _FIELD


def _mutable_default(value):
    return type(value) in (list, dict, set)


def _own_annotations(cls):
    # The annotations written in this class's body only, not a base's.
    annotations = getattr(cls, "__annotations__", {})
    for base in cls.__mro__[1:]:
        if getattr(base, "__annotations__", None) is annotations:
            return {}
    return annotations


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    all_fields = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = getattr(base, "__dataclass_fields__", None)
        if base_fields is not None:
            for f in base_fields.values():
                all_fields[f.name] = f
    own = []
    kw_only_from_here = kw_only
    for name, annotation in _own_annotations(cls).items():
        kind = _annotation_kind(annotation)
        if kind == "KW_ONLY":
            kw_only_from_here = True
            continue
        default = getattr(cls, name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = annotation
        f._field_type = kind
        if f.kw_only is MISSING:
            f.kw_only = kw_only_from_here
        if kind == _FIELD_CLASSVAR:
            if f.default_factory is not MISSING:
                raise TypeError("field %s cannot have a default factory" % name)
        elif kind == _FIELD and f.default is not MISSING and _mutable_default(f.default):
            raise ValueError("mutable default %s for field %s is not allowed: use "
                             "default_factory" % (type(f.default), name))
        # The class attribute is the plain default (or goes, when there is none).
        if isinstance(default, Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except AttributeError:
                    pass
            else:
                setattr(cls, name, f.default)
        own.append(f)
        all_fields[name] = f
    for name in list(vars_of(cls)):
        value = getattr(cls, name, None)
        if isinstance(value, Field) and name not in _own_annotations(cls):
            raise TypeError("%r is a field but has no type annotation" % (name,))

    if frozen is False:
        for base in cls.__mro__[1:]:
            params = getattr(base, "__dataclass_params__", None)
            if params is not None and params.frozen:
                raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)
    field_list = [f for f in all_fields.values() if f._field_type == _FIELD]

    if init:
        _check_default_order([f for f in all_fields.values()
                              if f._field_type in (_FIELD, _FIELD_INITVAR) and f.init])
        _set_new_attribute(cls, "__init__", _make_init(cls, list(all_fields.values()), frozen))
    if repr:
        _set_new_attribute(cls, "__repr__", _make_repr([f for f in field_list if f.repr]))
    compared = [f for f in field_list if f.compare]
    if eq:
        _set_new_attribute(cls, "__eq__", _make_eq(compared))
    if order:
        for name, op in (("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
                         ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b)):
            if _has_own(cls, name):
                raise TypeError("Cannot overwrite attribute %s in class %s. Consider using "
                                "functools.total_ordering" % (name, cls.__name__))
            setattr(cls, name, _make_order(compared, op))
    if frozen:
        for name, method in (("__setattr__", _frozen_setattr), ("__delattr__", _frozen_delattr)):
            if _has_own(cls, name):
                raise TypeError("Cannot overwrite attribute %s in class %s" %
                                (name, cls.__name__))
            setattr(cls, name, method)
    hashed = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    has_own_hash = _has_own(cls, "__hash__") and getattr(cls, "__hash__", None) is not None
    if unsafe_hash:
        if has_own_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class %s" % cls.__name__)
        cls.__hash__ = _make_hash(hashed)
    elif eq and frozen:
        if not has_own_hash:
            cls.__hash__ = _make_hash(hashed)
    elif eq:
        if not has_own_hash:
            cls.__hash__ = None
    if match_args:
        _set_new_attribute(cls, "__match_args__",
                           tuple(f.name for f in field_list if f.init and not f.kw_only))
    if getattr(cls, "__doc__", None) is None:
        cls.__doc__ = "%s(%s)" % (cls.__name__, ", ".join(
            "%s: %s" % (f.name, f.type if isinstance(f.type, str) else
                        getattr(f.type, "__name__", "%r" % (f.type,))) for f in field_list))
    return cls


def vars_of(cls):
    d = getattr(cls, "__dict__", None)
    return list(d) if d is not None else []


def _has_own(cls, name):
    d = getattr(cls, "__dict__", None)
    if d is not None:
        return name in d
    # gilsim's classes have no __dict__ view: an attribute that differs from every base's is
    # the class's own.
    value = getattr(cls, name, None)
    if value is None:
        return False
    return all(getattr(base, name, None) is not value for base in cls.__mro__[1:])


def _set_new_attribute(cls, name, value):
    if _has_own(cls, name):
        return
    setattr(cls, name, value)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)" %
                (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


def _check_default_order(init_fields):
    seen_default = False
    for f in init_fields:
        if f.kw_only:
            continue
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if has_default:
            seen_default = True
        elif seen_default:
            raise TypeError("non-default argument %r follows default argument" % (f.name,))


def _plural(n, word):
    return "%d %s%s" % (n, word, "" if n == 1 else "s")


def _missing_names(names):
    if len(names) == 1:
        return repr(names[0])
    if len(names) == 2:
        return "%r and %r" % (names[0], names[1])
    return ", ".join(repr(n) for n in names[:-1]) + ", and %r" % names[-1]


def _make_init(cls, all_fields, frozen):
    init_fields = [f for f in all_fields if f._field_type in (_FIELD, _FIELD_INITVAR)]
    positional = [f for f in init_fields if f.init and not f.kw_only]
    keyword_only = [f for f in init_fields if f.init and f.kw_only]
    by_name = {f.name: f for f in positional + keyword_only}
    qualname = cls.__qualname__ + ".__init__"

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            most = len(positional) + 1
            least = 1 + len([f for f in positional
                             if f.default is MISSING and f.default_factory is MISSING])
            takes = "%d" % most if least == most else "from %d to %d" % (least, most)
            raise TypeError("%s() takes %s positional argument%s but %d were given" % (
                qualname, takes, "" if most == 1 else "s", len(args) + 1))
        values = {}
        for f, value in zip(positional, args):
            values[f.name] = value
        for name, value in kwargs.items():
            if name not in by_name:
                raise TypeError("%s() got an unexpected keyword argument %r" % (qualname, name))
            if name in values:
                raise TypeError("%s() got multiple values for argument %r" % (qualname, name))
            values[name] = value
        for group, what in ((positional, "positional"), (keyword_only, "keyword-only")):
            missing = [f.name for f in group if f.name not in values and
                       f.default is MISSING and f.default_factory is MISSING]
            if missing:
                raise TypeError("%s() missing %s: %s" % (
                    qualname, _plural(len(missing), "required %s argument" % what),
                    _missing_names(missing)))
        init_vars = []
        for f in all_fields:
            if f._field_type == _FIELD_CLASSVAR:
                continue
            if f.init and f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue  # init=False and no default: left unset, as in CPython
            if f._field_type == _FIELD_INITVAR:
                init_vars.append(value)
            elif frozen:
                self.__dict__[f.name] = value
            else:
                setattr(self, f.name, value)
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init(*init_vars)
    __init__.__qualname__ = qualname
    return __init__


def _make_repr(shown):
    def __repr__(self):
        return "%s(%s)" % (type(self).__qualname__, ", ".join(
            "%s=%r" % (f.name, getattr(self, f.name)) for f in shown))
    return __repr__


def _values(obj, chosen):
    return tuple(getattr(obj, f.name) for f in chosen)


def _make_eq(compared):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return _values(self, compared) == _values(other, compared)
        return NotImplemented
    return __eq__


def _make_order(compared, op):
    def compare(self, other):
        if other.__class__ is self.__class__:
            return op(_values(self, compared), _values(other, compared))
        return NotImplemented
    return compare


def _make_hash(hashed):
    def __hash__(self):
        return hash(_values(self, hashed))
    return __hash__


def _frozen_setattr(self, name, value):
    if name in type(self).__dataclass_fields__:
        raise FrozenInstanceError("cannot assign to field %r" % (name,))
    self.__dict__[name] = value


def _frozen_delattr(self, name):
    if name in type(self).__dataclass_fields__:
        raise FrozenInstanceError("cannot delete field %r" % (name,))
    del self.__dict__[name]


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Adds __init__, __repr__, __eq__ (and more, as asked) generated from the fields."""
    if order and not eq:
        raise ValueError("eq must be true if order is true")

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        all_fields = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in all_fields.values() if f._field_type == _FIELD)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _is_dataclass_instance(obj):
    return hasattr(type(obj), "__dataclass_fields__")


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in type(obj).__dataclass_fields__.values():
        if f._field_type == _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be "
                                 "specified with replace()" % f.name)
            continue
        if f.name not in changes:
            if f._field_type == _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **options):
    namespace = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        else:
            name, tp, spec = item
            namespace[name] = spec
        annotations[name] = tp
    namespace["__annotations__"] = annotations
    cls = type(cls_name, bases or (object,), namespace)
    return dataclass(cls, **options)
