"""Printing and formatting exceptions as the interpreter reports an uncaught one. gilsim keeps no
frame or traceback objects (an exception's __traceback__ is None): the functions read the
frames from the exception itself, and those that need a live stack say they are not supported."""

import sys
import _traceback

__all__ = ["format_exc", "print_exc", "format_exception", "print_exception",
           "format_exception_only", "extract_tb", "format_tb", "print_tb", "format_list",
           "print_last", "FrameSummary", "StackSummary", "TracebackException", "print_stack",
           "format_stack", "extract_stack"]

_sentinel = object()


def _exception_of(exc, value):
    # print_exception(type, value, tb) and print_exception(exc) both name the exception.
    if value is not _sentinel and value is not None:
        return value
    if isinstance(exc, BaseException):
        return exc
    return None


def _lines(exc, chain=True):
    if exc is None:
        return ["NoneType: None\n"]
    if not chain:
        cause, context, suppress = exc.__cause__, exc.__context__, exc.__suppress_context__
        exc.__cause__ = exc.__context__ = None
        try:
            return _traceback.format(exc).splitlines(keepends=True)
        finally:
            exc.__cause__, exc.__context__ = cause, context
            exc.__suppress_context__ = suppress
    return _traceback.format(exc).splitlines(keepends=True)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    return _lines(_exception_of(exc, value), chain)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    file = sys.stderr if file is None else file
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exception_only(exc, /, value=_sentinel):
    exc = _exception_of(exc, value)
    if exc is None:
        return ["NoneType: None\n"]
    return [_lines(exc, chain=False)[-1]]


def format_exc(limit=None, chain=True):
    return "".join(_lines(sys.exception(), chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


class FrameSummary:
    """One frame of a traceback: where, in what, and the source line."""

    __slots__ = ("filename", "lineno", "name", "line", "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self.line = line
        self.locals = locals

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __getitem__(self, index):
        return (self.filename, self.lineno, self.name, self.line)[index]

    def __len__(self):
        return 4

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename, self.lineno, self.name, self.line) == (
                other.filename, other.lineno, other.name, other.line)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __repr__(self):
        return "<FrameSummary file %s, line %s in %s>" % (self.filename, self.lineno, self.name)


class StackSummary(list):
    """A list of FrameSummary."""

    @classmethod
    def from_list(cls, frames):
        result = cls()
        for frame in frames:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format(self):
        out = []
        for frame in self:
            text = '  File "%s", line %d, in %s\n' % (frame.filename, frame.lineno, frame.name)
            if frame.line:
                text += "    %s\n" % frame.line.strip()
            out.append(text)
        return out


def _frames_of(exc):
    return StackSummary.from_list(_traceback.frames(exc))


def extract_tb(tb, limit=None):
    # A traceback is the exception itself here (see the module's docstring); None has no frames.
    if isinstance(tb, BaseException):
        frames = _frames_of(tb)
        return StackSummary(frames[:limit] if limit is not None else frames)
    return StackSummary()


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def format_tb(tb, limit=None):
    return extract_tb(tb, limit).format()


def print_tb(tb, limit=None, file=None):
    file = sys.stderr if file is None else file
    for line in format_tb(tb, limit):
        print(line, file=file, end="")


def _no_stack(name):
    raise NotImplementedError("traceback.%s() is not supported by gilsim (it keeps no frame "
                              "objects)" % name)


def extract_stack(f=None, limit=None):
    _no_stack("extract_stack")


def format_stack(f=None, limit=None):
    _no_stack("format_stack")


def print_stack(f=None, limit=None, file=None):
    _no_stack("print_stack")


class TracebackException:
    """An exception captured for formatting later."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10):
        self._exc = exc_value
        self.exc_type = exc_type
        self.stack = _frames_of(exc_value) if exc_value is not None else StackSummary()
        self.__cause__ = None
        self.__context__ = None
        self.__suppress_context__ = False

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, None, *args, **kwargs)

    def format(self, *, chain=True):
        return iter(_lines(self._exc, chain))

    def format_exception_only(self):
        return iter(format_exception_only(self._exc))

    def __str__(self):
        return str(self._exc)
