"""Abstract base classes, after CPython 3.11's abc (Lib/abc.py and Lib/_py_abc.py).

ABCMeta computes __abstractmethods__ when a class is made and refuses to instantiate a class
that still has some, with CPython's TypeError; register() makes virtual subclasses that
isinstance and issubclass honour.

gilsim has no metaclasses yet: then ABCMeta is a plain class (its register() still works) and
ABC does the check in its __init__, which a subclass's own __init__ must reach through super()
for the check to run. The abstract-methods set is then computed at instantiation time.
"""

__all__ = ["ABC", "ABCMeta", "abstractmethod", "abstractclassmethod", "abstractstaticmethod",
           "abstractproperty", "get_cache_token", "update_abstractmethods"]


# (module, class qualname) -> names of the abstract methods written in that class body: where
# classes have no __dict__ (gilsim), the instantiation check finds the candidates here.
_declared_abstract = {}


def _declare(funcobj):
    qualname = getattr(funcobj, "__qualname__", "")
    owner, _, name = qualname.rpartition(".")
    if owner:
        key = (getattr(funcobj, "__module__", None), owner)
        _declared_abstract.setdefault(key, set()).add(name)


def abstractmethod(funcobj):
    """Marks a method abstract: a class with one cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    _declare(funcobj)
    return funcobj


# The deprecated spellings, as functions: CPython's are subclasses of classmethod,
# staticmethod and property, which gilsim cannot subclass; the abstract mark is the same.
def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    _declare(callable)
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    _declare(callable)
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    if fget is not None:
        fget.__isabstractmethod__ = True
        _declare(fget)
    return property(fget, fset, fdel)


_abc_invalidation_counter = 0


def get_cache_token():
    return _abc_invalidation_counter


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    func = getattr(value, "__func__", None) or getattr(value, "fget", None)
    return func is not None and getattr(func, "__isabstractmethod__", False)


def _abstract_names(cls):
    """The names still abstract in cls: its own abstract attributes, and the bases' abstract
    names that cls leaves abstract (CPython's computation in ABCMeta.__new__)."""
    abstracts = set()
    own = getattr(cls, "__dict__", None)
    names = set()
    for klass in cls.__mro__:
        names.update(_declared_abstract.get((klass.__module__, klass.__qualname__), ()))
    if own is not None:
        names.update(own)
    for base in cls.__mro__:
        names.update(getattr(base, "__abstractmethods__", ()))
        base_dict = getattr(base, "__dict__", None)
        if base_dict is not None:
            names.update(base_dict)
    for name in names:
        value = getattr(cls, name, None)
        if _is_abstract(value):
            abstracts.add(name)
    return frozenset(abstracts)


def _abstract_error(cls, abstracts):
    names = sorted(abstracts)
    return TypeError("Can't instantiate abstract class %s with abstract method%s %s" % (
        cls.__name__, "" if len(names) == 1 else "s", ", ".join(names)))


def _metaclasses_work():
    try:
        class Probe(type):
            pass

        class Host(metaclass=Probe):
            pass
        return type(Host) is Probe
    except TypeError:
        return False


if _metaclasses_work():
    class ABCMeta(type):
        """The metaclass of abstract base classes."""

        def __new__(mcls, name, bases, namespace, **kwargs):
            cls = super().__new__(mcls, name, bases, namespace, **kwargs)
            abstracts = {name for name, value in namespace.items() if _is_abstract(value)}
            for base in bases:
                for name in getattr(base, "__abstractmethods__", set()):
                    if _is_abstract(getattr(cls, name, None)):
                        abstracts.add(name)
            cls.__abstractmethods__ = frozenset(abstracts)
            cls._abc_registry = []
            cls._abc_subclasses = []  # kept here: gilsim's classes have no __subclasses__()
            for base in bases:
                if isinstance(base, ABCMeta):
                    base._abc_subclasses.append(cls)
            return cls

        def __call__(cls, *args, **kwargs):
            if cls.__abstractmethods__:
                raise _abstract_error(cls, cls.__abstractmethods__)
            return super().__call__(*args, **kwargs)

        def register(cls, subclass):
            if not isinstance(subclass, type):
                raise TypeError("Can only register classes")
            if issubclass(subclass, cls):
                return subclass
            if issubclass(cls, subclass):
                raise RuntimeError("Refusing to create an inheritance cycle")
            global _abc_invalidation_counter
            cls._abc_registry.append(subclass)
            _abc_invalidation_counter += 1
            return subclass

        def __instancecheck__(cls, instance):
            return cls.__subclasscheck__(type(instance))

        def __subclasscheck__(cls, subclass):
            if not isinstance(subclass, type):
                raise TypeError("issubclass() arg 1 must be a class")
            if cls in subclass.__mro__:
                return True
            hook = getattr(cls, "__subclasshook__", None)
            if hook is not None:
                ok = hook(subclass)
                if ok is not NotImplemented:
                    return bool(ok)
            for registered in cls._abc_registry:
                if issubclass(subclass, registered):
                    return True
            for sub in cls._abc_subclasses:
                if issubclass(subclass, sub):
                    return True
            return False

    class ABC(metaclass=ABCMeta):
        """A helper base: class Shape(ABC) has ABCMeta as its metaclass."""
        __slots__ = ()
else:
    class ABCMeta:
        """Stands for the metaclass where gilsim has none: register() is kept per class."""

        @staticmethod
        def register(cls, subclass):
            registry = cls.__dict__.setdefault("_abc_registry", []) if hasattr(
                cls, "__dict__") else []
            registry.append(subclass)
            return subclass

    class ABC:
        """A helper base: abstract methods are checked when an instance is made (in
        __init__, where gilsim has no metaclass to check earlier)."""

        def __init__(self, *args, **kwargs):
            abstracts = _abstract_names(type(self))
            if abstracts:
                raise _abstract_error(type(self), abstracts)
            if args or kwargs:
                raise TypeError("%s() takes no arguments" % type(self).__name__)

        @classmethod
        def register(cls, subclass):
            global _abc_invalidation_counter
            _abc_invalidation_counter += 1
            return subclass


def update_abstractmethods(cls):
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    cls.__abstractmethods__ = _abstract_names(cls)
    return cls
