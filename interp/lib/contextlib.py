"""Utilities for with-statement contexts, after CPython 3.11's contextlib (Lib/contextlib.py).

contextmanager, suppress, redirect_stdout/redirect_stderr, ExitStack, nullcontext, closing and
AbstractContextManager.
"""

import sys as _sys

__all__ = ["contextmanager", "closing", "nullcontext", "AbstractContextManager",
           "ContextDecorator", "ExitStack", "redirect_stdout", "redirect_stderr", "suppress",
           "chdir"]


class AbstractContextManager:
    """The base of context managers: __enter__ returns self, __exit__ is abstract."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator:
    """A context manager that can also decorate a function, which then runs inside it."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        inner.__name__ = getattr(func, "__name__", "inner")
        inner.__wrapped__ = func
        return inner


def _throw(gen, exc):
    throw = getattr(gen, "throw", None)
    if throw is None:
        # Without generator.throw() the exception cannot reach the generator's except and
        # finally blocks; saying so beats running the cleanup silently out of order.
        raise RuntimeError("contextmanager: an exception inside the with block needs "
                           "generator.throw(), which gilsim does not support yet") from exc
    return throw(exc)


class _GeneratorContextManager(ContextDecorator):
    """What a @contextmanager function returns: runs the generator to its yield on enter and
    on to its end on exit (throwing the with block's exception into it)."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            _throw(self.gen, value)
        except StopIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                exc.__traceback__ = traceback
                return False
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            exc.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    """@contextmanager: a generator function that yields once becomes a context manager."""
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    for name in ("__module__", "__name__", "__qualname__", "__doc__"):
        try:
            setattr(helper, name, getattr(func, name))
        except (AttributeError, TypeError):
            pass
    helper.__wrapped__ = func
    return helper


class closing(AbstractContextManager):
    """closing(thing): calls thing.close() at the end of the block."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class nullcontext(AbstractContextManager):
    """nullcontext(enter_result=None): a context manager that does nothing."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(_sys, self._stream))
        setattr(_sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(_sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """redirect_stdout(new_target): sys.stdout is new_target inside the block."""
    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """redirect_stderr(new_target): sys.stderr is new_target inside the block."""
    _stream = "stderr"


class suppress(AbstractContextManager):
    """suppress(*exceptions): the named exceptions end the block silently."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class chdir(AbstractContextManager):
    """chdir(path): the working directory is path inside the block."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        import os
        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        import os
        os.chdir(self._old_cwd.pop())


class ExitStack(AbstractContextManager):
    """ExitStack: callbacks and context managers unwound last-in first-out at the end."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        exit_method = getattr(type(exit), "__exit__", None)
        if exit_method is None:
            self._exit_callbacks.append((True, exit))
        else:
            self._exit_callbacks.append((True, lambda *d: exit_method(exit, *d)))
        return exit

    def enter_context(self, cm):
        cls = type(cm)
        enter = getattr(cls, "__enter__", None)
        exit_method = getattr(cls, "__exit__", None)
        if enter is None or exit_method is None:
            raise TypeError("'%s.%s' object does not support the context manager protocol" %
                            (cls.__module__, cls.__qualname__))
        result = enter(cm)
        self._exit_callbacks.append((True, lambda *d: exit_method(cm, *d)))
        return result

    def callback(self, callback, *args, **kwds):
        def wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        wrapper.__wrapped__ = callback
        self._exit_callbacks.append((False, wrapper))
        return callback

    def close(self):
        self.__exit__(None, None, None)

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        pending_raise = False
        suppressed_exc = False
        current = exc_details[1]
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            details = (None, None, None) if current is None else (
                type(current), current, current.__traceback__)
            try:
                if cb(*details):
                    suppressed_exc = True
                    pending_raise = False
                    current = None
            except BaseException as new_exc:
                if current is not None and new_exc is not current:
                    new_exc.__context__ = current
                pending_raise = True
                current = new_exc
        if pending_raise:
            raise current
        return received_exc and suppressed_exc
