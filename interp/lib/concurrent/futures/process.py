"""concurrent.futures.process: ProcessPoolExecutor (in _futures_process)."""

from _futures_process import ProcessPoolExecutor, BrokenProcessPool, EXTRA_QUEUED_CALLS
