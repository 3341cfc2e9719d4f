"""Functions to run when the program ends: after the main script and the wait for non-daemon
threads, last registered first, as CPython runs them (interp/vm/interpreter.cpp calls
_run_exitfuncs). They run in the main process only: a forked child inherits none."""

import sys

_handlers = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _handlers.append((func, args, kwargs))
    return func


def unregister(func):
    _handlers[:] = [h for h in _handlers if h[0] != func]


def _clear():
    del _handlers[:]


def _ncallbacks():
    return len(_handlers)


def _run_exitfuncs():
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as error:
            import traceback
            print("Exception ignored in atexit callback: %r" % (func,), file=sys.stderr)
            traceback.print_exception(error, file=sys.stderr)
