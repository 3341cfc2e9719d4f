"""multiprocessing's locks: Semaphore, BoundedSemaphore, Lock, RLock, Condition, Event and
Barrier over the process-shared semaphores and arrays of _gilsim_mp (multiprocessing.synchronize
in CPython).
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

    def _release_save(self):
        """Releases the lock whatever its depth (Condition.wait), returning the depth."""
        if not self._is_mine():
            raise AssertionError("attempt to release recursive lock not owned by thread")
        depth = self._state.get(2)
        self._state.set(2, 0)
        self._semlock.release()
        return depth

    def _acquire_restore(self, depth):
        self.acquire()
        self._state.set(2, depth)

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


class Condition:
    """A condition variable shared between processes. A waiter counts itself in `sleeping`,
    leaves the lock and waits on `wait_gate`; notify opens the gate once per sleeper it wakes
    and waits for each to say so through `woken`, so that a notify never wakes a waiter that
    came after it. Timed-out waiters are settled at the next notify."""

    def __init__(self, lock=None):
        self._lock = lock if lock is not None else RLock()
        self._sleeping = _gilsim_mp.Semaphore(0, 0)
        self._woken = _gilsim_mp.Semaphore(0, 0)
        self._wait_gate = _gilsim_mp.Semaphore(0, 0)

    def acquire(self, block=True, timeout=None):
        return self._lock.acquire(block, timeout)

    def release(self):
        self._lock.release()

    def __enter__(self):
        return self._lock.acquire()

    def __exit__(self, *exc):
        self._lock.release()

    def _is_owned(self):
        if isinstance(self._lock, RLock):
            return self._lock._is_mine()
        return self._lock._semlock.get_value() == 0

    def wait(self, timeout=None):
        if not self._is_owned():
            raise AssertionError("must acquire() condition before using wait()")
        self._sleeping.release()
        if isinstance(self._lock, RLock):
            depth = self._lock._release_save()
        else:
            self._lock.release()
        try:
            return self._wait_gate.acquire(True, timeout)
        finally:
            self._woken.release()
            if isinstance(self._lock, RLock):
                self._lock._acquire_restore(depth)
            else:
                self._lock.acquire()

    def notify(self, n=1):
        if not self._is_owned():
            raise AssertionError("lock is not owned")
        # Waiters that timed out said they woke without being woken: settle their count first.
        while self._woken.acquire(False, None):
            self._sleeping.acquire(False, None)
        woken = 0
        while woken < n and self._sleeping.acquire(False, None):
            self._wait_gate.release()
            woken += 1
        for _ in range(woken):
            self._woken.acquire(True, None)
        # A waiter that timed out meanwhile left the gate open: close it again.
        while self._wait_gate.acquire(False, None):
            pass

    def notify_all(self):
        self.notify(2 ** 31 - 1)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        if timeout is not None:
            import time
            end = time.monotonic() + timeout
        while not result:
            if timeout is not None:
                left = end - time.monotonic()
                if left <= 0:
                    break
                self.wait(left)
            else:
                self.wait()
            result = predicate()
        return result

    def __repr__(self):
        return "<Condition(%r, %d)>" % (self._lock, self._sleeping.get_value()
                                        - self._woken.get_value())


class Barrier(threading.Barrier):
    """threading.Barrier's algorithm over a process-shared Condition, its state and count in
    shared memory."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._shared = _gilsim_mp.SharedArray("q", 2)  # state, count
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    @property
    def _state(self):
        return self._shared.get(0)

    @_state.setter
    def _state(self, value):
        self._shared.set(0, value)

    @property
    def _count(self):
        return self._shared.get(1)

    @_count.setter
    def _count(self, value):
        self._shared.set(1, value)
