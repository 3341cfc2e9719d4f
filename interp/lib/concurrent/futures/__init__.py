"""Execute computations asynchronously using threads or processes (CPython 3.11's
concurrent.futures). The code lives in the flat library modules _futures_base, _futures_thread
and _futures_process; this package and its submodules re-export it under CPython's names."""

from _futures_base import (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, CancelledError,
                           TimeoutError, InvalidStateError, BrokenExecutor, Future, Executor,
                           wait, as_completed)
from _futures_thread import ThreadPoolExecutor
from _futures_process import ProcessPoolExecutor

__all__ = (
    "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "CancelledError", "TimeoutError",
    "InvalidStateError", "BrokenExecutor", "Future", "Executor", "wait", "as_completed",
    "ProcessPoolExecutor", "ThreadPoolExecutor",
)
