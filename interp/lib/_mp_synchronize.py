"""multiprocessing's locks: Semaphore, BoundedSemaphore, Lock, RLock and Event over the
process-shared semaphores and arrays of _gilsim_mp (multiprocessing.synchronize in CPython).
"""

import os
import threading
import _gilsim_mp

class Semaphore:
    def __init__(self, value=1):
        self._semlock = _gilsim_mp.Semaphore(value, 0)

    def acquire(self, block=True, timeout=None):
        return self._semlock.acquire(block, timeout)

    def release(self):
        self._semlock.release()

    def get_value(self):
        return self._semlock.get_value()

    def __enter__(self):
        return self._semlock.acquire(True, None)

    def __exit__(self, *exc):
        self._semlock.release()

    def __repr__(self):
        return "<%s(value=%s)>" % (type(self).__name__, self.get_value())


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._semlock = _gilsim_mp.Semaphore(value, value)


class Lock(Semaphore):
    def __init__(self):
        self._semlock = _gilsim_mp.Semaphore(1, 1)

    def __repr__(self):
        return "<Lock(owner=%s)>" % ("None" if self._semlock.get_value() else "SomeOtherProcess")


class RLock:
    """A reentrant lock: its owner (pid, thread) and depth live in shared memory beside the
    semaphore, and only the owner ever reads them as its own."""

    def __init__(self):
        self._semlock = _gilsim_mp.Semaphore(1, 1)
        self._state = _gilsim_mp.SharedArray("q", 3)  # owner pid, owner thread, depth

    def _is_mine(self):
        return (self._state.get(2) > 0 and self._state.get(0) == os.getpid()
                and self._state.get(1) == threading.get_ident())

    def acquire(self, block=True, timeout=None):
        if self._is_mine():
            self._state.set(2, self._state.get(2) + 1)
            return True
        if not self._semlock.acquire(block, timeout):
            return False
        self._state.set(0, os.getpid())
        self._state.set(1, threading.get_ident())
        self._state.set(2, 1)
        return True

    def release(self):
        if not self._is_mine():
            raise AssertionError("attempt to release recursive lock not owned by thread")
        depth = self._state.get(2) - 1
        self._state.set(2, depth)
        if depth == 0:
            self._semlock.release()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


class Event:
    """Set and clear under a lock; waiters pass through a semaphore that set() opens and each
    waiter re-opens for the next while the event stays set."""

    def __init__(self):
        self._lock = Lock()
        self._flag = _gilsim_mp.SharedArray("b", 1)
        self._gate = _gilsim_mp.Semaphore(0, 0)

    def is_set(self):
        return self._flag.get(0) == 1

    def set(self):
        with self._lock:
            if self._flag.get(0) == 0:
                self._flag.set(0, 1)
                self._gate.release()

    def clear(self):
        with self._lock:
            self._flag.set(0, 0)
            while self._gate.acquire(False, None):
                pass

    def wait(self, timeout=None):
        if self._flag.get(0) == 1:
            return True
        if not self._gate.acquire(True, timeout):
            return self._flag.get(0) == 1
        with self._lock:
            if self._flag.get(0) == 1:
                self._gate.release()
        return True
