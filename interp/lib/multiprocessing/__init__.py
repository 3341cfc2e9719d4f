"""Process-based parallelism, following CPython 3.11's multiprocessing API.

A gilsim built-in module written over os.fork/os.waitpid and the native _gilsim_mp (the
serialization that stands in for pickle, framed pipe messages, waits on descriptors, and
semaphores and arrays in shared memory). This module has processes and start methods
(CPython's multiprocessing.process, .context and .popen_*); _mp_connection, _mp_synchronize,
_mp_sharedctypes, _mp_queues and _mp_pool have the rest, and their names are re-exported here.

Start methods: 'fork' (the default) copies the whole interpreter; the child keeps only the thread
that forked. 'spawn' runs a fresh gilsim (`gilsim run --mp-spawn FD SCRIPT`) that imports the
script as __mp_main__ and reads the serialized Process object from descriptor FD.
"""

import os
import sys
import threading
import time as _time
import _gilsim_mp
import _thread
import gilsim as _gilsim
from queue import Empty, Full

__all__ = [
    "Process", "current_process", "active_children", "parent_process", "cpu_count",
    "set_start_method", "get_start_method", "get_all_start_methods", "get_context",
    "freeze_support",
    "Queue", "SimpleQueue", "JoinableQueue", "Pipe", "Lock", "RLock", "Semaphore",
    "BoundedSemaphore", "Event", "Condition", "Barrier", "Value", "Array", "RawValue", "RawArray",
    "Pool", "Manager", "ProcessError", "TimeoutError",
    "BufferTooShort", "AuthenticationError", "PicklingError",
]

PicklingError = _gilsim_mp.PicklingError
UnpicklingError = _gilsim_mp.UnpicklingError
_dumps = _gilsim_mp.dumps
_loads = _gilsim_mp.loads

SEM_VALUE_MAX = 2147483647


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


def cpu_count():
    """The number of CPUs, as os.cpu_count(); NotImplementedError when unknown."""
    n = os.cpu_count()
    if n is None:
        raise NotImplementedError("cannot determine number of cpus")
    return n


def freeze_support():
    pass


# --- Start methods --------------------------------------------------------------------------

_start_method = None
# forkserver starts its children as spawn does here: each runs a fresh interpreter that imports
# the main module as __mp_main__ and gets its target and arguments serialized, which is what a
# program can observe of CPython's fork server (gilsim has no server process to fork from).
_START_METHODS = ["fork", "spawn", "forkserver"]


def get_all_start_methods():
    return list(_START_METHODS)


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError("context has already been set")
    if method is None and force:
        _start_method = None
        return
    if method not in _START_METHODS:
        raise ValueError("cannot find context for %r" % (method,))
    _start_method = method


def get_start_method(allow_none=False):
    global _start_method
    if _start_method is None:
        if allow_none:
            return None
        _start_method = "fork"
    return _start_method


# --- Processes ------------------------------------------------------------------------------

class _MainProcess:
    """What current_process() is in the process the program started as."""

    def __init__(self):
        self._identity = ()
        self._name = "MainProcess"
        self._daemonic = False
        self._parent_pid = None
        self._popen = None
        self._inheriting = False

    def _get_name(self):
        return self._name

    def _set_name(self, name):
        self._name = name

    name = property(_get_name, _set_name)

    def _get_daemon(self):
        return self._daemonic

    daemon = property(_get_daemon)

    def _get_pid(self):
        return os.getpid()

    pid = property(_get_pid)
    ident = pid

    def _get_exitcode(self):
        return None

    exitcode = property(_get_exitcode)

    def is_alive(self):
        return True

    def __repr__(self):
        return "<_MainProcess name=%r parent=None started>" % (self._name,)


_current_process = _MainProcess()
_parent_process = None
_children = []          # the Process objects this process started and has not reaped
_child_counter = [0]    # how many processes this process has created (their names)


def current_process():
    return _current_process


def parent_process():
    return _parent_process


def _cleanup():
    for p in list(_children):
        if p._popen is not None and p._popen.poll() is not None:
            _children.remove(p)


def active_children():
    _cleanup()
    return list(_children)


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


class Process:
    """A process running `target(*args, **kwargs)`, or the run() of a subclass."""

    _start_method = None  # None: the global start method; set by ForkProcess and SpawnProcess

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, "group argument must be None for now"
        _child_counter[0] += 1
        self._identity = _current_process._identity + (_child_counter[0],)
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        if name is None:
            name = type(self).__name__ + "-" + ":".join([str(i) for i in self._identity])
        self._name = name
        if daemon is None:
            daemon = _current_process.daemon
        self._daemonic = daemon

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        assert self._popen is None, "cannot start a process twice"
        assert self._parent_pid == os.getpid(), \
            "can only start a process object created by current process"
        assert not _current_process.daemon, \
            "daemonic processes are not allowed to have children"
        if getattr(_current_process, "_inheriting", False):
            _raise_importing_main()
        _cleanup()
        if (type(self)._start_method or get_start_method()) in ("spawn", "forkserver"):
            self._popen = _SpawnPopen(self)
        else:
            self._popen = _ForkPopen(self)
        _children.append(self)

    def terminate(self):
        self._check_closed()
        if self._popen is not None:
            self._popen.send_signal(15)

    def kill(self):
        self._check_closed()
        if self._popen is not None:
            self._popen.send_signal(9)

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == os.getpid(), "can only join a child process"
        assert self._popen is not None, "can only join a started process"
        res = self._popen.wait(timeout)
        if res is not None and self in _children:
            _children.remove(self)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), "can only test a child process"
        if self._popen is None:
            return False
        if self._popen.poll() is None:
            return True
        if self in _children:
            _children.remove(self)
        return False

    def close(self):
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen.close()
            self._popen = None
        if self in _children:
            _children.remove(self)
        self._closed = True

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def _get_name(self):
        return self._name

    def _set_name(self, name):
        assert isinstance(name, str), "name must be a string"
        self._name = name

    name = property(_get_name, _set_name)

    def _get_daemon(self):
        return self._daemonic

    def _set_daemon(self, daemonic):
        assert self._popen is None, "process has already started"
        self._daemonic = daemonic

    daemon = property(_get_daemon, _set_daemon)

    def _get_exitcode(self):
        self._check_closed()
        if self._popen is None:
            return None
        return self._popen.poll()

    exitcode = property(_get_exitcode)

    def _get_pid(self):
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen and self._popen.pid

    pid = property(_get_pid)
    ident = pid

    def _get_sentinel(self):
        self._check_closed()
        if self._popen is None:
            raise ValueError("process not started")
        return self._popen.sentinel

    sentinel = property(_get_sentinel)

    def __repr__(self):
        if self is _current_process:
            status = "started"
        elif self._closed:
            status = "closed"
        elif self._popen is None:
            status = "initial"
        else:
            code = self._popen.poll()
            status = "started" if code is None else "stopped"
        text = "<%s name=%r" % (type(self).__name__, self._name)
        if self._popen is not None:
            text += " pid=%s" % (self._popen.pid,)
        text += " parent=%s %s" % (self._parent_pid, status)
        if status == "stopped" and self._popen.returncode:
            text += " exitcode=%s" % (self._popen.returncode,)
        if self._daemonic:
            text += " daemon"
        return text + ">"

    # What a spawned child receives: the process without its parent-side state.
    def __getstate__(self):
        state = dict(self.__dict__)
        state["_popen"] = None
        return state

    def _bootstrap(self):
        """Runs in the child: the target, then the exit code CPython's _bootstrap gives."""
        global _current_process, _parent_process, _children
        _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
        _current_process = self
        _children = []
        _child_counter[0] = 0
        # The parent's queues and pools are its own to flush and terminate.
        _mp_queues._feeding.clear()
        _mp_pool._pools.clear()
        _gilsim._set_process_name(self.name)  # the process's name in a --trace or --timeline
        exitcode = 0
        try:
            try:
                self.run()
                exitcode = 0
            finally:
                _exit_function(False)
        except SystemExit as e:
            code = e.args[0] if len(e.args) == 1 else (e.args or None)
            if code is None:
                exitcode = 0
            elif isinstance(code, int):
                exitcode = code
            else:
                sys.stderr.write(str(code) + "\n")
                exitcode = 1
        except BaseException as e:
            exitcode = 1
            sys.stderr.write("Process %s:\n" % (self.name,))
            _thread._print_exception(e)
        # As CPython's child: wait for the non-daemon threads the target started.
        threading._shutdown()
        _flush_std_streams()
        return exitcode


class ForkProcess(Process):
    _start_method = "fork"


class SpawnProcess(Process):
    _start_method = "spawn"


class ForkServerProcess(Process):
    _start_method = "forkserver"


class _Context:
    """What get_context returns: the module's API with Process bound to one start method."""

    def __init__(self, method, process_class):
        self._method = method
        self.Process = process_class
        self.Queue = Queue
        self.SimpleQueue = SimpleQueue
        self.JoinableQueue = JoinableQueue
        self.Pipe = Pipe
        self.Lock = Lock
        self.RLock = RLock
        self.Semaphore = Semaphore
        self.BoundedSemaphore = BoundedSemaphore
        self.Event = Event
        self.Condition = Condition
        self.Barrier = Barrier
        self.Value = Value
        self.Array = Array
        self.RawValue = RawValue
        self.RawArray = RawArray
        self.Pool = Pool  # its workers use the global start method
        self.cpu_count = cpu_count
        self.current_process = current_process
        self.active_children = active_children

    def get_start_method(self, allow_none=False):
        return self._method

    def Manager(self):
        """A started SyncManager whose server process uses this context's start method."""
        import _mp_managers
        m = _mp_managers.SyncManager(ctx=self)
        m.start()
        return m

    def __repr__(self):
        return "<gilsim multiprocessing context " + repr(self._method) + ">"


def get_context(method=None):
    if method is None:
        method = get_start_method()
    if method not in _START_METHODS:
        raise ValueError("cannot find context for %r" % (method,))
    process_class = {"spawn": SpawnProcess, "forkserver": ForkServerProcess}.get(method,
                                                                                 ForkProcess)
    return _Context(method, process_class)


class _ParentProcess:
    def __init__(self, name, pid):
        self.name = name
        self.pid = pid
        self.ident = pid
        self.daemon = False

    def __repr__(self):
        return "<_ParentProcess name=%r parent=None unknown>" % (self.name,)


def _raise_importing_main():
    raise RuntimeError('''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        ''')


class _Popen:
    """A started child: its pid, its exit status, and a sentinel descriptor that becomes
    readable when it ends (the child holds the pipe's write end), for timed joins."""

    def __init__(self):
        self.pid = None
        self.returncode = None
        self.sentinel = None

    def poll(self, flag=os.WNOHANG):
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, flag)
            except OSError:
                return None
            if pid == self.pid:
                self.returncode = os.waitstatus_to_exitcode(status)
                self._close_sentinel()
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            if timeout is not None and self.sentinel is not None:
                if not _gilsim_mp.wait_readable([self.sentinel], timeout):
                    return None
            return self.poll(0)
        return self.returncode

    def send_signal(self, sig):
        if self.returncode is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass  # already gone (reaped elsewhere): nothing to signal, as CPython's popen_fork
            except OSError:
                if self.wait(timeout=0.1) is None:
                    raise

    def _close_sentinel(self):
        if self.sentinel is not None:
            os.close(self.sentinel)
            self.sentinel = None

    def close(self):
        self._close_sentinel()


class _ForkPopen(_Popen):
    def __init__(self, process):
        _Popen.__init__(self)
        _flush_std_streams()
        parent_r, child_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                os.close(parent_r)
                code = process._bootstrap()
            finally:
                os._exit(code)
        os.close(child_w)
        self.pid = pid
        self.sentinel = parent_r


# The spawn being prepared while a Process is serialized for it (CPython's
# context.get_spawning_popen): what may travel only by inheritance checks it.
_spawning_popen = None


def get_spawning_popen():
    return _spawning_popen


class _SpawnPopen(_Popen):
    def __init__(self, process):
        _Popen.__init__(self)
        main = sys.modules.get("__main__")
        script = getattr(main, "__file__", None)
        if script is None:
            raise RuntimeError("spawn needs the main module's file")
        global _spawning_popen
        _spawning_popen = self
        try:
            data, fds = _gilsim_mp.dumps_fds(process)
        finally:
            _spawning_popen = None
        _flush_std_streams()
        parent_r, child_w = os.pipe()
        data_r, data_w = os.pipe()
        keep = [child_w, data_r] + fds + list(_mp_connection._open_connection_fds)
        try:
            # The child runs with every setting of this run (the C++ side builds its command).
            self.pid = _gilsim_mp.spawn(data_r, script, keep)
        finally:
            os.close(child_w)
            os.close(data_r)
        self.sentinel = parent_r
        try:
            _gilsim_mp.send_bytes(data_w, data)
        finally:
            os.close(data_w)


def _spawn_prepare():
    """Called by `gilsim run --mp-spawn` before it imports the script as __mp_main__."""
    _current_process._inheriting = True


def _spawn_main(fd):
    """Called by `gilsim run --mp-spawn FD` once the script is imported: reads the Process and
    runs it; never returns."""
    code = 1
    try:
        try:
            data = _gilsim_mp.recv_bytes(fd)
        finally:
            os.close(fd)
        _current_process._inheriting = False
        process = _loads(data)
        code = process._bootstrap()
    except BaseException as e:
        _thread._print_exception(e)
    _flush_std_streams()
    os._exit(code)


def _exit_function(interrupted=False):
    """At the end of a process (called by the interpreter after threading's shutdown, as
    CPython's atexit hook): flush queues, terminate pools and daemonic children, join the
    others. When the run was interrupted (Ctrl-C), every child is terminated and reaped."""
    # After Ctrl-C nobody may be reading: a flush could wait forever, so the queues are left.
    if not interrupted:
        _mp_queues._flush_all()
    _mp_pool._terminate_all()
    try:
        for p in active_children():
            if p.daemon or interrupted:
                p.terminate()
        for p in active_children():
            p.join()
    except KeyboardInterrupt:
        for p in list(_children):
            p.terminate()
        for p in list(_children):
            p._popen.wait()
        raise


# --- The rest of the API, from its modules ------------------------------------------------

import _mp_connection
import _mp_queues
import _mp_pool
from _mp_connection import Connection, Pipe, wait
from _mp_synchronize import Semaphore, BoundedSemaphore, Lock, RLock, Event, Condition, Barrier
from _mp_sharedctypes import Value, Array, RawValue, RawArray
from _mp_queues import SimpleQueue, Queue, JoinableQueue
from _mp_pool import Pool, AsyncResult, ApplyResult, MapResult


def Manager():
    """A started SyncManager (multiprocessing.managers); imported on first use, as CPython's."""
    import _mp_managers
    return _mp_managers.Manager()
