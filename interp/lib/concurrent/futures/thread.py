"""concurrent.futures.thread: ThreadPoolExecutor (in _futures_thread)."""

from _futures_thread import ThreadPoolExecutor, BrokenThreadPool
