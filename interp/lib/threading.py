"""Thread objects and synchronisation primitives, built on the native _thread module.

A gilsim built-in module that follows CPython 3.11's threading API (names, defaults and error
messages) for the subset of the language the VM runs.
"""

import _thread
import sys as _sys
import time as _time

__all__ = [
    "get_ident", "get_native_id", "active_count", "Condition", "current_thread",
    "enumerate", "main_thread", "TIMEOUT_MAX", "Event", "Lock", "RLock",
    "Semaphore", "BoundedSemaphore", "Thread", "Barrier", "BrokenBarrierError", "Timer",
    "ThreadError", "ExceptHookArgs", "excepthook", "local",
]

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_sentinel = _thread._set_sentinel
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
_CRLock = getattr(_thread, "RLock", None)

# gilsim-only hooks; absent under CPython, where the fallbacks below are used instead.
_set_thread_name = getattr(_thread, "_set_thread_name", None)
_native_print_exception = getattr(_thread, "_print_exception", None)

if hasattr(_thread, "stack_size"):
    stack_size = _thread.stack_size
    __all__.append("stack_size")


def _print_exception(exc):
    if _native_print_exception is not None:
        _native_print_exception(exc)
        return
    import traceback  # CPython only: gilsim always has _thread._print_exception
    traceback.print_exception(exc)


def _repr_prefix(obj):
    cls = type(obj)
    return "<%s.%s at %#x" % (cls.__module__, cls.__qualname__, id(obj))


def _write_stderr(text):
    stream = _sys.stderr
    if stream is not None:
        stream.write(text)


# --- Locks ---------------------------------------------------------------------------------

Lock = _allocate_lock


def RLock(*args, **kwargs):
    """Return a reentrant lock: the native one when _thread has it."""
    if _CRLock is None:
        return _PyRLock(*args, **kwargs)
    return _CRLock(*args, **kwargs)


class _PyRLock:
    """Reentrant lock over a plain lock, for a _thread without RLock."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        state = "locked" if self._block.locked() else "unlocked"
        owner = self._owner
        if owner in _active:
            owner = _active[owner].name
        cls = type(self)
        return "<%s %s.%s object owner=%r count=%d at %#x>" % (
            state, cls.__module__, cls.__qualname__, owner, self._count, id(self))

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        got = self._block.acquire(blocking, timeout)
        if got:
            self._owner = me
            self._count = 1
        return got

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._block.release()

    def __exit__(self, exc_type, exc_value, tb):
        self.release()

    def _is_owned(self):
        return self._owner == get_ident()

    def _recursion_count(self):
        if self._owner == get_ident():
            return self._count
        return 0

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        self._block.release()
        return state

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count = state[0]
        self._owner = state[1]


# --- Condition -----------------------------------------------------------------------------

class Condition:
    """A condition variable over a Lock or RLock (an RLock by default)."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # RLocks know how to drop every level of ownership at once; plain locks do not.
        self._lock_release_save = getattr(lock, "_release_save", None)
        self._lock_acquire_restore = getattr(lock, "_acquire_restore", None)
        self._lock_is_owned = getattr(lock, "_is_owned", None)
        # One private lock per waiting thread, oldest first.
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        if self._lock_release_save is not None:
            return self._lock_release_save()
        self._lock.release()
        return None

    def _acquire_restore(self, state):
        if self._lock_acquire_restore is not None:
            self._lock_acquire_restore(state)
        else:
            self._lock.acquire()

    def _is_owned(self):
        if self._lock_is_owned is not None:
            return self._lock_is_owned()
        # A plain lock has no owner; held by someone is the best this can tell.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        notified = False
        try:
            # notify() releases our waiter lock; acquiring it a second time blocks until then.
            if timeout is None:
                waiter.acquire()
                notified = True
            elif timeout > 0:
                notified = waiter.acquire(True, timeout)
            else:
                notified = waiter.acquire(False)
            return notified
        finally:
            self._acquire_restore(saved)
            if not notified:
                # Timed out: withdraw, unless a notify() already took us off the list.
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        deadline = None
        if timeout is not None:
            deadline = _time.monotonic() + timeout
        result = predicate()
        while not result:
            if deadline is None:
                self.wait()
            else:
                remaining = deadline - _time.monotonic()
                if remaining <= 0:
                    break
                self.wait(remaining)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        if n <= 0 or not waiters:
            return
        if n > len(waiters):
            n = len(waiters)
        woken = waiters[:n]
        del waiters[:n]
        for waiter in woken:
            waiter.release()

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


# --- Semaphores ----------------------------------------------------------------------------

class Semaphore:
    """A counter that acquire() decrements, blocking at zero, and release() increments."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        return "%s: value=%d>" % (_repr_prefix(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        deadline = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                if timeout is None:
                    self._cond.wait()
                else:
                    if deadline is None:
                        deadline = _time.monotonic() + timeout
                        remaining = timeout
                    else:
                        remaining = deadline - _time.monotonic()
                    if remaining <= 0:
                        return False
                    self._cond.wait(remaining)
            self._value -= 1
            return True

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, exc_type, exc_value, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def __repr__(self):
        return "%s: value=%d/%d>" % (_repr_prefix(self), self._value, self._initial_value)

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


# --- Event ---------------------------------------------------------------------------------

class Event:
    """A flag that threads can wait on until another thread sets it."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        state = "set" if self._flag else "unset"
        return "%s: %s>" % (_repr_prefix(self), state)

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


# --- Barrier -------------------------------------------------------------------------------

class BrokenBarrierError(RuntimeError):
    pass


# Barrier states.
_FILLING = 0
_DRAINING = 1
_RESETTING = -1
_BROKEN = -2


class Barrier:
    """Blocks `parties` threads in wait() until all of them have arrived, then lets them go.

    A cycle fills (threads arrive and wait), then drains (the released threads leave wait()).
    Threads arriving while the previous cycle drains wait for it to finish, so the barrier can
    be reused at once.
    """

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _FILLING
        self._count = 0  # threads inside wait()

    def __repr__(self):
        if self.broken:
            return "%s: broken>" % _repr_prefix(self)
        return "%s: waiters=%d/%d>" % (_repr_prefix(self), self.n_waiting, self._parties)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._wait_for_filling()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._trip()
                else:
                    self._wait_for_trip(timeout)
                return index
            finally:
                self._count -= 1
                self._leave()

    def _wait_for_filling(self):
        while self._state == _DRAINING or self._state == _RESETTING:
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError

    def _trip(self):
        # Runs in the last thread to arrive; a failing action breaks the barrier for everyone.
        try:
            if self._action is not None:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _wait_for_trip(self, timeout):
        if not self._cond.wait_for(self._not_filling, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def _not_filling(self):
        return self._state != _FILLING

    def _leave(self):
        # The last thread out of a draining or resetting cycle starts the next one.
        if self._count == 0 and (self._state == _DRAINING or self._state == _RESETTING):
            self._state = _FILLING
            self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == _FILLING or self._state == _BROKEN:
                    # Waiters get BrokenBarrierError; the last one out refills the barrier.
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == _BROKEN


# --- Thread registry -----------------------------------------------------------------------

# Threads by ident, once running; threads between start() and their bootstrap are in _limbo.
_active_limbo_lock = RLock()
_active = {}
_limbo = {}

# Non-daemon threads that _shutdown() must join, in the order they began running.
_shutdown_lock = _allocate_lock()
_non_daemon_threads = {}
_prune_at = 16

_counter_lock = _allocate_lock()
_counter = 0


def _newname(template):
    # One counter for every template, as in CPython: Thread-1, Dummy-2, Thread-3, ...
    global _counter
    with _counter_lock:
        _counter += 1
        return template % _counter


def _register_non_daemon(thread):
    global _prune_at
    with _shutdown_lock:
        registry = _non_daemon_threads
        registry[thread] = thread._tstate_lock
        # Threads nobody joins never unregister themselves; drop the finished ones now and
        # then, doubling the threshold so the cost stays amortised O(1) per thread.
        if len(registry) >= _prune_at:
            finished = [t for t in registry if not registry[t].locked()]
            for t in finished:
                del registry[t]
            _prune_at = max(16, 2 * len(registry))


def _unregister_non_daemon(thread):
    with _shutdown_lock:
        _non_daemon_threads.pop(thread, None)


# --- Thread --------------------------------------------------------------------------------

class ExceptHookArgs:
    """What excepthook() receives about an exception that escaped a thread's run().

    Built from one 4-item sequence (exc_type, exc_value, exc_traceback, thread), as CPython's
    struct sequence is.
    """

    def __init__(self, args):
        if len(args) != 4:
            raise TypeError("threading.ExceptHookArgs() takes a 4-sequence (%d-sequence given)"
                            % len(args))
        self.exc_type = args[0]
        self.exc_value = args[1]
        self.exc_traceback = args[2]
        self.thread = args[3]

    def __repr__(self):
        return "ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, thread=%r)" % (
            self.exc_type, self.exc_value, self.exc_traceback, self.thread)


def excepthook(args):
    """Print an exception that escaped a thread's run(), as CPython's default hook does."""
    if args.exc_type is SystemExit:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    _write_stderr("Exception in thread %s:\n" % name)
    _print_exception(args.exc_value)


__excepthook__ = excepthook


class Thread:
    """A thread of control: pass a target callable, or subclass and override run()."""

    # Class-level so that a subclass that forgets Thread.__init__ fails with a clear error.
    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *,
                 daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                target_name = getattr(target, "__name__", None)
                if target_name is not None:
                    name += " (%s)" % target_name
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # notices a thread that has finished since we last looked
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            if self in _limbo:
                raise RuntimeError("threads can only be started once")
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except BaseException:
            with _active_limbo_lock:
                _limbo.pop(self, None)
            raise
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Drop the references so a finished thread does not keep its arguments alive.
            self._target = None
            self._args = ()
            self._kwargs = {}

    def _bootstrap(self):
        # Runs in the new OS thread.
        try:
            self._bootstrap_inner()
        finally:
            with _active_limbo_lock:
                _active.pop(self._ident, None)
                _limbo.pop(self, None)

    def _bootstrap_inner(self):
        lock = _set_sentinel()
        # gilsim hands the sentinel back already acquired; CPython's still needs acquiring.
        if not lock.locked():
            lock.acquire()
        self._tstate_lock = lock
        self._ident = get_ident()
        self._native_id = get_native_id()
        if _set_thread_name is not None:
            _set_thread_name(self._name)
        if not self._daemonic:
            _register_non_daemon(self)
        with _active_limbo_lock:
            _active[self._ident] = self
            _limbo.pop(self, None)
        self._started.set()
        try:
            self.run()
        except BaseException as exc:
            self._invoke_excepthook(exc)

    def _invoke_excepthook(self, exc):
        hook = excepthook  # looked up now, so a replaced threading.excepthook is honoured
        try:
            hook(ExceptHookArgs([type(exc), exc, getattr(exc, "__traceback__", None), self]))
        except SystemExit:
            pass
        except BaseException as hook_exc:
            _write_stderr("Exception in threading.excepthook:\n")
            sys_hook = getattr(_sys, "excepthook", None)
            if sys_hook is not None:
                sys_hook(type(hook_exc), hook_exc, getattr(hook_exc, "__traceback__", None))
            else:
                _print_exception(hook_exc)

    def _stop(self):
        self._is_stopped = True
        self._tstate_lock = None
        if not self._daemonic:
            _unregister_non_daemon(self)

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        # The sentinel lock is released by the VM when the OS thread has fully finished.
        lock = self._tstate_lock
        if lock is None:
            return
        if lock.acquire(block, timeout):
            lock.release()
            self._stop()

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(True, max(timeout, 0))

    def is_alive(self):
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    def _get_name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    def _set_name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)
        # The VM can only be told the name of the thread that is running this code.
        if (_set_thread_name is not None and self._ident is not None
                and self._ident == get_ident() and not self._is_stopped):
            _set_thread_name(self._name)

    name = property(_get_name, _set_name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def _get_daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    def _set_daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    daemon = property(_get_daemon, _set_daemon)

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class Timer(Thread):
    """Calls function(*args, **kwargs) after `interval` seconds, unless cancel()led first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        super().__init__()
        self.interval = interval
        self.function = function
        if args is None:
            args = []
        if kwargs is None:
            kwargs = {}
        self.args = args
        self.kwargs = kwargs
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    """The thread that imported threading: named MainThread, never a daemon."""

    def __init__(self):
        super().__init__(name="MainThread", daemon=False)
        # Not an OS-thread sentinel: _shutdown() releases it when the main script ends, which
        # is when joiners of the main thread should wake.
        lock = _allocate_lock()
        lock.acquire()
        self._tstate_lock = lock
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread started by _thread.start_new_thread, seen via current_thread()."""

    def __init__(self):
        super().__init__(name=_newname("Dummy-%d"), daemon=True)
        # Lets enumerate() and current_thread() notice when the OS thread has gone.
        lock = _set_sentinel()
        if not lock.locked():
            lock.acquire()
        self._tstate_lock = lock
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        if _set_thread_name is not None:
            _set_thread_name(self._name)
        with _active_limbo_lock:
            _active[self._ident] = self

    def _finished(self):
        lock = self._tstate_lock
        return lock is None or not lock.locked()

    def is_alive(self):
        if self._is_stopped:
            return False
        if self._finished():
            self._stop()
            return False
        return True

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


# --- Module functions ----------------------------------------------------------------------

def current_thread():
    """The Thread object for the caller (a _DummyThread for threads threading did not start)."""
    try:
        thread = _active[get_ident()]
    except KeyError:
        return _DummyThread()
    # An entry left by a finished raw thread whose ident the OS has since reused.
    if isinstance(thread, _DummyThread) and thread._finished():
        return _DummyThread()
    return thread


currentThread = current_thread


def main_thread():
    return _main_thread


def _prune_dummies():
    # Caller holds _active_limbo_lock. Dummy threads cannot remove themselves when they end.
    gone = [ident for ident in _active
            if isinstance(_active[ident], _DummyThread) and _active[ident]._finished()]
    for ident in gone:
        del _active[ident]


def active_count():
    with _active_limbo_lock:
        _prune_dummies()
        return len(_active) + len(_limbo)


activeCount = active_count


def enumerate():
    """The alive Thread objects: started ones, dummies and the main thread."""
    with _active_limbo_lock:
        _prune_dummies()
        return list(_active.values()) + list(_limbo.values())


# Calls to make when the main thread ends, before the non-daemon threads are joined (CPython's
# threading._register_atexit: concurrent.futures stops its workers with it).
_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append((func, arg, kwargs))


def _shutdown():
    """Called by the VM when the main script ends: wait for every non-daemon thread."""
    global _SHUTTING_DOWN
    if _main_thread._is_stopped:
        return
    lock = _main_thread._tstate_lock
    if lock is not None and lock.locked():
        lock.release()
    _main_thread._stop()
    _SHUTTING_DOWN = True
    for func, arg, kwargs in reversed(_threading_atexits):
        func(*arg, **kwargs)
    me = get_ident()
    # Joined threads may start new ones, so look again until none are left.
    while True:
        with _shutdown_lock:
            pending = [t for t in _non_daemon_threads if t._ident != me]
        if not pending:
            return
        for thread in pending:
            thread._wait_for_tstate_lock()
            _unregister_non_daemon(thread)


def _after_fork():
    """Called by the VM in the child of os.fork(): only the thread that forked exists there.
    The module's locks are made anew (a vanished thread may have held them) and every other
    thread is marked stopped, so joining it returns at once, as CPython's _after_fork does."""
    global _active_limbo_lock, _shutdown_lock, _counter_lock, _main_thread
    _active_limbo_lock = RLock()
    _shutdown_lock = _allocate_lock()
    _counter_lock = _allocate_lock()
    me = get_ident()
    current = _active.get(me)
    for thread in list(_active.values()) + list(_limbo):
        if thread is not current:
            thread._is_stopped = True
            thread._tstate_lock = None
    _active.clear()
    _limbo.clear()
    _non_daemon_threads.clear()
    if current is not None:
        _active[me] = current
        if not current._daemonic and current is not _main_thread:
            _non_daemon_threads[current] = current._tstate_lock
        _main_thread = current


_main_thread = _MainThread()


# ----- threading.local
_local_counter_lock = _allocate_lock()
_local_counter = 0


def _local_storage(key, create):
    """The attribute dict of one local object for the calling thread, kept on the thread's
    Thread object so that it goes when the thread does (an ident can be reused, an object
    cannot)."""
    thread = current_thread()
    tables = thread.__dict__.get("_local_dicts")
    if tables is None:
        if not create:
            return None
        tables = thread.__dict__["_local_dicts"] = {}
    storage = tables.get(key)
    if storage is None and create:
        storage = tables[key] = {}
    return storage


class local:
    """Thread-local data: each thread sees its own attributes of one local object.

    A subclass's __init__ runs again, with the constructor's arguments, the first time another
    thread touches the object, as in CPython's _threading_local."""

    def __init__(self, *args, **kwargs):
        global _local_counter
        if (args or kwargs) and type(self).__init__ is local.__init__:
            raise TypeError("Initialization arguments are not supported")
        if "_local__key" in self.__dict__:
            return  # a subclass __init__ calling local.__init__ after our wrapper did
        with _local_counter_lock:
            _local_counter += 1
            key = _local_counter
        self.__dict__["_local__key"] = key
        self.__dict__["_local__args"] = (args, kwargs)
        self.__dict__["_local__owner"] = get_ident()
        _local_storage(key, True)

    def _local__dict(self):
        key = self.__dict__.get("_local__key")
        if key is None:
            # A subclass __init__ that does not call local.__init__ (CPython needs no call:
            # its local.__new__ does the work, and gilsim runs no __new__ yet).
            local.__init__(self)
            key = self.__dict__["_local__key"]
            self.__dict__["_local__args"] = None
            _capture_init_arguments(type(self))
        storage = _local_storage(key, False)
        if storage is None:
            storage = _local_storage(key, True)
            init = type(self).__init__
            if init is not local.__init__:
                arguments = self.__dict__["_local__args"]
                if arguments is None:
                    try:
                        init(self)
                        return storage
                    except TypeError:
                        raise TypeError(
                            "%s.__init__ needs the arguments the object was made with to "
                            "run in a new thread, and gilsim could not keep them for the "
                            "first %s object (it runs no __new__ yet)" %
                            (type(self).__name__, type(self).__name__)) from None
                args, kwargs = arguments
                init(self, *args, **kwargs)
        return storage

    def __getattr__(self, name):
        if name.startswith("_local__"):
            raise AttributeError(name)
        storage = local._local__dict(self)
        try:
            return storage[name]
        except KeyError:
            shown = "_thread._local" if type(self) is local else type(self).__name__
            raise AttributeError("'%s' object has no attribute '%s'" % (shown, name)) from None

    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError("'%s' object attribute '__dict__' is read-only" %
                                 type(self).__name__)
        local._local__dict(self)[name] = value

    def __delattr__(self, name):
        storage = local._local__dict(self)
        try:
            del storage[name]
        except KeyError:
            raise AttributeError(name) from None


def _capture_init_arguments(cls):
    """Wraps a local subclass's __init__ so that later objects keep their arguments, to run it
    again in each new thread (standing in for the __new__ CPython records them in)."""
    if cls.__init__ is local.__init__ or getattr(cls.__init__, "_local__captures", False):
        return
    original = cls.__init__

    def __init__(self, *args, **kwargs):
        if "_local__key" not in self.__dict__:
            local.__init__(self, *args, **kwargs)
        elif self.__dict__.get("_local__args") is None:
            self.__dict__["_local__args"] = (args, kwargs)
        original(self, *args, **kwargs)
    __init__._local__captures = True
    __init__.__name__ = getattr(original, "__name__", "__init__")
    cls.__init__ = __init__
