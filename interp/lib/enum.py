"""Enumerations, after CPython 3.11's enum (Lib/enum.py).

Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, the member attributes (name, value),
lookup by value (Color(1)) and by name (Color['RED']), iteration in definition order, aliases,
__members__, _missing_, _generate_next_value_, and the 3.11 reprs and strs.

The members are made by the metaclass (EnumType) when the class body finishes, as in CPython,
so this module needs metaclasses; where the interpreter ignores `metaclass=` (gilsim, until
metaclasses land) importing it says so instead of giving enums that are plain ints.
"""

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "auto",
           "unique", "ReprEnum", "EnumCheck", "FlagBoundary", "STRICT", "CONFORM", "EJECT",
           "KEEP", "global_enum", "property", "verify", "member", "nonmember", "CONTINUOUS",
           "NAMED_FLAGS", "UNIQUE"]


def _metaclasses_work():
    class Probe(type):
        pass

    class Host(metaclass=Probe):
        pass
    return type(Host) is Probe


if not _metaclasses_work():
    raise ImportError("enum needs metaclasses (class X(metaclass=M)), which gilsim does not "
                      "support yet")

_builtin_property = property


class auto:
    """auto(): the member's value is generated (1, 2, 3, ... or the next power of two)."""
    _counter = 0

    def __init__(self, value=None):
        self.value = value
        auto._counter += 1
        self._order = auto._counter

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


# CPython's enum.property is a descriptor that a member of the same name cannot hide; the
# built-in property serves here (gilsim cannot subclass it).
property = _builtin_property


def _function():
    pass


# Functions, static and class methods and properties are descriptors (not members) even where
# the interpreter's own versions show no __get__ attribute (gilsim).
_DESCRIPTOR_TYPES = (type(_function), staticmethod, classmethod, _builtin_property)


def _is_descriptor(obj):
    return (isinstance(obj, _DESCRIPTOR_TYPES) or hasattr(obj, "__get__") or
            hasattr(obj, "__set__") or hasattr(obj, "__delete__"))


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and
            name[-3] != "_")


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == "_" and name[1:2] != "_" and
            name[-2:-1] != "_")


def _is_private(cls_name, name):
    pattern = "_%s__" % (cls_name,)
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith("__")


class _EnumDict(dict):
    """The class body's namespace: it records the member names in order."""

    def __init__(self):
        super().__init__()
        self._member_names = []
        self._last_values = []
        self._cls_name = None
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key == "_generate_next_value_":
                self._generate_next_value = value
            elif key not in ("_order_", "_missing_", "_ignore_", "_numeric_repr_",
                             "_iter_member_", "_iter_member_by_value_",
                             "_iter_member_by_def_", "_value_", "_name_"):
                raise ValueError("_sunder_ names, such as %r, are reserved for future Enum use"
                                 % (key,))
        elif _is_dunder(key):
            if key == "__order__":
                key = "_order_"
        elif key in self._member_names:
            raise TypeError("%r already defined as %r" % (key, self[key]))
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value) and not isinstance(value, member):
            pass
        else:
            if key in self:
                raise TypeError("%r already defined as %r" % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            if isinstance(value, auto):
                if value.value is None:
                    value.value = self._generate_next_value(
                        key, 1, len(self._member_names), self._last_values[:])
                value = value.value
            self._member_names.append(key)
            self._last_values.append(value)
        super().__setitem__(key, value)


def _generate_next_value(name, start, count, last_values):
    """The next auto() value: one more than the last value, or start."""
    if not last_values:
        return start
    try:
        return last_values[-1] + 1
    except TypeError:
        raise TypeError("unable to sort non-numeric values") from None


class EnumType(type):
    """The metaclass of enumerations: makes the members when the class is made."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        enum_dict = _EnumDict()
        enum_dict._cls_name = cls
        first_enum = bases[-1] if bases else None
        generate = getattr(first_enum, "_generate_next_value_", None)
        enum_dict._generate_next_value = generate or _generate_next_value
        return enum_dict

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        for base in bases:
            unsupported = getattr(base, "_gilsim_unsupported", None)
            if unsupported is not None:
                raise TypeError(unsupported)
        member_names = list(getattr(classdict, "_member_names", []))
        member_values = {name: dict.__getitem__(classdict, name) for name in member_names}
        plain = {k: v for k, v in dict.items(classdict) if k not in member_values}
        plain["_member_names_"] = []
        plain["_member_map_"] = {}
        plain["_value2member_map_"] = {}
        enum_class = super().__new__(metacls, cls, bases, plain, **kwds)
        member_type = _member_type(bases)
        enum_class._member_type_ = member_type
        enum_class._new_member_ = getattr(enum_class, "__new_member__", None)
        for name in member_names:
            value = member_values[name]
            args = value if isinstance(value, tuple) else (value,)
            if member_type is tuple:
                args = (args,)
            if "__new__" in plain:
                enum_member = plain["__new__"](enum_class, *args)
            elif member_type is object:
                enum_member = object.__new__(enum_class)
            else:
                enum_member = member_type.__new__(enum_class, *args)
            if not hasattr(enum_member, "_value_"):
                enum_member._value_ = value if member_type is object else member_type(*args)
            enum_member._name_ = name
            enum_member.__objclass__ = enum_class
            enum_member.__init__(*args)
            existing = None
            for other in enum_class._member_map_.values():
                if other._value_ == enum_member._value_:
                    existing = other
                    break
            if existing is not None:
                enum_member = existing  # an alias
            else:
                enum_class._member_names_.append(name)
            setattr(enum_class, name, enum_member)  # before it is a member: the guard allows it
            enum_class._member_map_[name] = enum_member
            try:
                enum_class._value2member_map_.setdefault(enum_member._value_, enum_member)
            except TypeError:
                pass
        if member_type is not object and "__repr__" not in plain:
            # The enum repr wins over the mixin's (int's, str's), as CPython arranges.
            is_flag = Flag is not None and issubclass(enum_class, Flag)
            setattr(enum_class, "__repr__", Flag.__repr__ if is_flag else Enum.__repr__)
        if Flag is not None and issubclass(enum_class, Flag):
            enum_class._flag_mask_ = 0
            for m in enum_class._member_map_.values():
                enum_class._flag_mask_ |= m._value_
            enum_class._all_bits_ = 2 ** _bit_length(enum_class._flag_mask_) - 1
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            # A lookup by value, always Enum's (a mixin's __new__ only makes members).
            return Enum.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        enum_class = metacls.__new__(metacls, class_name, bases, classdict)
        enum_class.__module__ = module or "__main__"
        if qualname is not None:
            enum_class.__qualname__ = qualname
        return enum_class

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __bool__(cls):
        return True

    def __setattr__(cls, name, value):
        namespace = getattr(cls, "__dict__", None)
        member_map = (namespace.get("_member_map_", {}) if namespace is not None else
                      getattr(cls, "_member_map_", {}))
        if name in member_map:
            raise AttributeError("cannot reassign member %r" % (name,))
        super().__setattr__(name, value)


EnumMeta = EnumType


def _member_type(bases):
    for chain in bases:
        for base in chain.__mro__:
            if base is object or base is Enum or base is Flag:
                continue
            if isinstance(base, EnumType):
                continue
            return base
    return object


Flag = None


class Enum(metaclass=EnumType):
    """The base of enumerations: class Color(Enum): RED = 1."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                        % (cls.__name__, result))

    def __init__(self, *args, **kwds):
        pass

    _generate_next_value_ = staticmethod(_generate_next_value)

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        value_repr = (self._member_type_.__repr__ if self._member_type_ is not object
                      else repr)
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, value_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __dir__(self):
        return ["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"]

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


class ReprEnum(Enum):
    """An enum whose str() and format() are its value's (IntEnum, StrEnum, IntFlag)."""


def _unsupported_mixin(name, error):
    # An enum over a built-in type that gilsim cannot make (the int mixins need subclassing
    # int): subclassing it says so instead of giving members that are not ints.
    return EnumType(name, (ReprEnum,), _prepared(name, {"_gilsim_unsupported":
                                                        "%s is not supported by gilsim (%s)" %
                                                        (name, error)}))


def _prepared(name, attributes):
    namespace = EnumType.__prepare__(name, (ReprEnum,))
    for key, value in attributes.items():
        dict.__setitem__(namespace, key, value)
    return namespace


try:
    class IntEnum(int, ReprEnum):
        """Enum members that are also ints."""

        def __str__(self):
            return repr(int(self))

        def __format__(self, format_spec):
            return format(int(self), format_spec)
except TypeError as error:
    IntEnum = _unsupported_mixin("IntEnum", error)


try:
    class StrEnum(str, ReprEnum):
        """Enum members that are also strs; auto() gives the lower-cased name."""

        def __new__(cls, *values):
            if len(values) > 3:
                raise TypeError("too many arguments for str(): %r" % (values,))
            if len(values) == 1 and not isinstance(values[0], str):
                raise TypeError("%r is not a string" % (values[0],))
            value = str(*values)
            member = str.__new__(cls, value)
            member._value_ = value
            return member

        def __str__(self):
            return self._value_

        def __format__(self, format_spec):
            return format(self._value_, format_spec)

        @staticmethod
        def _generate_next_value_(name, start, count, last_values):
            return name.lower()
except TypeError as error:
    StrEnum = _unsupported_mixin("StrEnum", error)


class FlagBoundary:
    STRICT = "strict"
    CONFORM = "conform"
    EJECT = "eject"
    KEEP = "keep"


STRICT, CONFORM, EJECT, KEEP = (FlagBoundary.STRICT, FlagBoundary.CONFORM, FlagBoundary.EJECT,
                                FlagBoundary.KEEP)


class EnumCheck:
    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck.CONTINUOUS, EnumCheck.NAMED_FLAGS, EnumCheck.UNIQUE


def _bit_length(n):
    # int.bit_length, which gilsim's int does not have yet.
    n = abs(n)
    length = 0
    while n:
        n >>= 1
        length += 1
    return length


def _power_of_two(value):
    return value >= 1 and value & (value - 1) == 0


class Flag(Enum):
    """Members combine with | & ^ ~; auto() gives powers of two."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        return 2 ** _bit_length(last_value)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        pseudo = object.__new__(cls) if cls._member_type_ is object else \
            cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._decompose(value)]
        extra = value & ~cls._flag_mask_
        if extra:
            if cls._member_type_ is object:
                # CPython 3.11's STRICT boundary refuses unknown bits for a plain Flag.
                raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
            names.append(str(extra))  # IntFlag keeps them (KEEP): <Bits.A|4: 5>
        pseudo._name_ = "|".join(names) if names else None
        return pseudo

    @classmethod
    def _decompose(cls, value):
        return [m for m in cls if m._value_ and m._value_ & value == m._value_ and
                _power_of_two(m._value_)]

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(self.__class__._decompose(self._value_))

    def __len__(self):
        return len(self.__class__._decompose(self._value_))

    def __repr__(self):
        name = self._name_
        value_repr = repr(self._value_)
        if name is None:
            return "<%s: %s>" % (self.__class__.__name__, value_repr)
        return "<%s.%s: %s>" % (self.__class__.__name__, name, value_repr)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (self.__class__.__name__, self._value_)
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    def __invert__(self):
        return self.__class__(self.__class__._flag_mask_ & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


try:
    class IntFlag(int, ReprEnum, Flag):
        """Flags that are also ints."""

        def __str__(self):
            return repr(int(self))

        def __format__(self, format_spec):
            return format(int(self), format_spec)

        def __or__(self, other):
            if isinstance(other, int) and not isinstance(other, self.__class__):
                other = self.__class__(other)
            return Flag.__or__(self, other)

        def __and__(self, other):
            if isinstance(other, int) and not isinstance(other, self.__class__):
                other = self.__class__(other)
            return Flag.__and__(self, other)
except TypeError as error:
    IntFlag = _unsupported_mixin("IntFlag", error)


def unique(enumeration):
    """A class decorator: no two members may share a value (no aliases)."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ", ".join("%s -> %s" % (alias, name) for (alias, name) in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration


def verify(*checks):
    def decorator(enumeration):
        return enumeration
    return decorator


def global_enum(cls):
    return cls
