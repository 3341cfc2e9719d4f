"""Timing small pieces of code, after CPython 3.11's timeit (Lib/timeit.py).

Timer, timeit, repeat and default_timer (time.perf_counter) for callables. CPython also times
source strings by compiling them into a function; gilsim has no exec() yet, so a string
statement says it is not supported.
"""

import time as _time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

default_timer = _time.perf_counter
default_number = 1000000
default_repeat = 5


def _callable_of(stmt, what):
    if callable(stmt):
        return stmt
    if isinstance(stmt, str):
        if stmt == "pass":
            return lambda: None
        raise ValueError("timeit: a %s given as source text is not supported by gilsim "
                         "(no exec() yet); pass a callable" % what)
    raise ValueError("%s is neither a string nor callable" % what)


class Timer:
    """Timer(stmt, setup, timer): times calls of stmt (a callable) after setup."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        self._stmt = _callable_of(stmt, "stmt")
        self._setup = _callable_of(setup, "setup")

    def timeit(self, number=default_number):
        self._setup()
        stmt = self._stmt
        timer = self.timer
        start = timer()
        for _ in range(number):
            stmt()
        return timer() - start

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number,
           globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
