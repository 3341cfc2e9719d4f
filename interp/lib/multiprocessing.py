"""Process-based parallelism, following CPython 3.11's multiprocessing API.

A gilsim built-in module written over os.fork/os.waitpid and the native _gilsim_mp (the
serialization that stands in for pickle, framed pipe messages, waits on descriptors, and
semaphores and arrays in shared memory). One module holds what CPython spreads over
multiprocessing.process, .context, .popen_fork, .popen_spawn_posix, .connection, .queues,
.synchronize, .sharedctypes and .pool.

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
from queue import Empty, Full

__all__ = [
    "Process", "current_process", "active_children", "parent_process", "cpu_count",
    "set_start_method", "get_start_method", "get_all_start_methods", "get_context",
    "freeze_support",
    "Queue", "SimpleQueue", "JoinableQueue", "Pipe", "Lock", "RLock", "Semaphore",
    "BoundedSemaphore", "Event", "Value", "Array", "Pool", "ProcessError", "TimeoutError",
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
_START_METHODS = ["fork", "spawn"]


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
_pools = []             # pools to terminate at exit
_queues = []            # queues whose feeder threads must be flushed at exit


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
        if (type(self)._start_method or get_start_method()) == "spawn":
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
        global _current_process, _parent_process, _children, _pools, _queues
        _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
        _current_process = self
        _children = []
        _child_counter[0] = 0
        _pools = []
        _queues = []
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
        self.Value = Value
        self.Array = Array
        self.Pool = Pool  # its workers use the global start method
        self.cpu_count = cpu_count
        self.current_process = current_process
        self.active_children = active_children

    def get_start_method(self, allow_none=False):
        return self._method

    def __repr__(self):
        return "<gilsim multiprocessing context " + repr(self._method) + ">"


def get_context(method=None):
    if method is None:
        method = get_start_method()
    if method == "fork":
        return _Context("fork", ForkProcess)
    if method == "spawn":
        return _Context("spawn", SpawnProcess)
    raise ValueError("cannot find context for " + repr(method))


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


class _SpawnPopen(_Popen):
    def __init__(self, process):
        _Popen.__init__(self)
        main = sys.modules.get("__main__")
        script = getattr(main, "__file__", None)
        if script is None:
            raise RuntimeError("spawn needs the main module's file")
        data, fds = _gilsim_mp.dumps_fds(process)
        _flush_std_streams()
        parent_r, child_w = os.pipe()
        data_r, data_w = os.pipe()
        argv = [_gilsim_mp.executable(), "run"]
        try:
            import gilsim
            argv.append("--gil=" + gilsim.policy())
        except ImportError:
            pass
        argv += ["--mp-spawn", str(data_r), script]
        keep = [child_w, data_r] + fds + list(_open_connection_fds)
        try:
            self.pid = _gilsim_mp.spawn(argv[0], argv, keep)
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
    for q in list(_queues):
        try:
            q._flush_at_exit()
        except Exception:
            pass
    for pool in list(_pools):
        try:
            pool.terminate()
        except Exception:
            pass
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


# --- Connections and pipes ------------------------------------------------------------------

_open_connection_fds = set()  # inherited by spawned children, which may receive a Connection


class Connection:
    """One end of a Pipe: objects sent whole, as framed serialized messages."""

    def __init__(self, read_fd, write_fd):
        self._read_fd = read_fd
        self._write_fd = write_fd
        for fd in (read_fd, write_fd):
            if fd is not None:
                _open_connection_fds.add(fd)

    def _check_closed(self):
        if self._read_fd is None and self._write_fd is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        self._check_closed()
        if self._read_fd is None:
            raise OSError("connection is write-only")

    def _check_writable(self):
        self._check_closed()
        if self._write_fd is None:
            raise OSError("connection is read-only")

    def _get_closed(self):
        return self._read_fd is None and self._write_fd is None

    closed = property(_get_closed)

    def _get_readable(self):
        return self._read_fd is not None

    readable = property(_get_readable)

    def _get_writable(self):
        return self._write_fd is not None

    writable = property(_get_writable)

    def fileno(self):
        self._check_closed()
        return self._read_fd if self._read_fd is not None else self._write_fd

    def send(self, obj):
        self._check_writable()
        _gilsim_mp.send_bytes(self._write_fd, _dumps(obj))

    def send_bytes(self, buf, offset=0, size=None):
        self._check_writable()
        if size is None:
            size = len(buf) - offset
        _gilsim_mp.send_bytes(self._write_fd, bytes(buf[offset:offset + size]))

    def recv(self):
        self._check_readable()
        return _loads(_gilsim_mp.recv_bytes(self._read_fd))

    def recv_bytes(self, maxlength=None):
        self._check_readable()
        data = _gilsim_mp.recv_bytes(self._read_fd)
        if maxlength is not None and len(data) > maxlength:
            raise OSError("bad message length")
        return data

    def poll(self, timeout=0.0):
        self._check_readable()
        return len(_gilsim_mp.wait_readable([self._read_fd], timeout)) > 0

    def close(self):
        for fd in (self._read_fd, self._write_fd):
            if fd is not None:
                _open_connection_fds.discard(fd)
                os.close(fd)
        self._read_fd = None
        self._write_fd = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return "<multiprocessing.connection.Connection fds=(%s, %s)>" % (
            self._read_fd, self._write_fd)


def Pipe(duplex=True):
    """Two connected Connections; with duplex=False the first only receives and the second
    only sends."""
    if duplex:
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()
        return Connection(r1, w2), Connection(r2, w1)
    r, w = os.pipe()
    return Connection(r, None), Connection(None, w)


def wait(object_list, timeout=None):
    """multiprocessing.connection.wait: the connections, sentinels or processes ready."""
    fds = []
    for obj in object_list:
        if isinstance(obj, int):
            fds.append(obj)
        elif isinstance(obj, Process):
            fds.append(obj.sentinel)
        else:
            fds.append(obj._read_fd)
    ready = _gilsim_mp.wait_readable(fds, timeout)
    return [obj for obj, fd in zip(object_list, fds) if fd in ready]


# --- Synchronisation ------------------------------------------------------------------------

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


# --- Shared values and arrays ---------------------------------------------------------------

_TYPECODE_NAMES = {"b": "c_byte", "c": "c_char", "i": "c_int", "l": "c_long", "q": "c_longlong",
                   "f": "c_float", "d": "c_double"}


def _default_item(typecode):
    if typecode == "c":
        return b"\x00"
    if typecode in ("f", "d"):
        return 0.0
    return 0


def _check_typecode(typecode):
    if not isinstance(typecode, str) or typecode not in _TYPECODE_NAMES:
        raise TypeError("gilsim's multiprocessing supports the typecodes "
                        "'b', 'c', 'i', 'l', 'q', 'f' and 'd', not %r" % (typecode,))


def _make_lock(lock):
    if lock is True or lock is None:
        return RLock()
    if hasattr(lock, "acquire"):
        return lock
    raise AttributeError("%r has no method 'acquire'" % (lock,))


class _SharedValue:
    """Value(typecode, value): one C number in shared memory, behind a lock."""

    def __init__(self, typecode, value, lock):
        _check_typecode(typecode)
        self._typecode = typecode
        self._array = _gilsim_mp.SharedArray(typecode, 1)
        self._array.set(0, value)
        self._lock = _make_lock(lock) if lock is not False else None

    def _get_value(self):
        if self._lock is None:
            return self._array.get(0)
        with self._lock:
            return self._array.get(0)

    def _set_value(self, value):
        if self._lock is None:
            self._array.set(0, value)
            return
        with self._lock:
            self._array.set(0, value)

    value = property(_get_value, _set_value)

    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        self._lock.release()

    def __enter__(self):
        return self._lock.acquire()

    def __exit__(self, *exc):
        self._lock.release()

    def __repr__(self):
        return "<Synchronized wrapper for %s(%r)>" % (_TYPECODE_NAMES[self._typecode],
                                                     self._array.get(0))


def Value(typecode_or_type, *args, lock=True):
    _check_typecode(typecode_or_type)
    value = args[0] if args else _default_item(typecode_or_type)
    return _SharedValue(typecode_or_type, value, lock)


class _SharedArray:
    """Array(typecode, size_or_initializer): C numbers in shared memory, behind a lock."""

    def __init__(self, typecode, size_or_initializer, lock):
        _check_typecode(typecode)
        self._typecode = typecode
        if isinstance(size_or_initializer, int):
            items = None
            size = size_or_initializer
        else:
            items = list(size_or_initializer)
            size = len(items)
        self._array = _gilsim_mp.SharedArray(typecode, size)
        if items is not None:
            for i in range(size):
                self._array.set(i, items[i])
        self._lock = _make_lock(lock) if lock is not False else None

    def __len__(self):
        return self._array.length()

    def _items(self):
        return [self._array.get(i) for i in range(self._array.length())]

    def __getitem__(self, index):
        if isinstance(index, slice):
            if self._lock is None:
                return self._items()[index]
            with self._lock:
                return self._items()[index]
        if self._lock is None:
            return self._array.get(index)
        with self._lock:
            return self._array.get(index)

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            positions = list(range(self._array.length()))[index]
            values = list(value)
            if len(values) != len(positions):
                raise ValueError("Can only assign sequence of same size")
            with self._lock:
                for i in range(len(positions)):
                    self._array.set(positions[i], values[i])
            return
        if self._lock is None:
            self._array.set(index, value)
            return
        with self._lock:
            self._array.set(index, value)

    def __iter__(self):
        return iter(self[:])

    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self

    def __enter__(self):
        return self._lock.acquire()

    def __exit__(self, *exc):
        self._lock.release()

    def __repr__(self):
        return "<SynchronizedArray wrapper for %r>" % (self[:],)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    return _SharedArray(typecode_or_type, size_or_initializer, lock)


# --- Queues ---------------------------------------------------------------------------------

_CLOSE = ("__gilsim_mp_queue_close__",)


class SimpleQueue:
    """A pipe with a lock at each end; put serializes and writes at once."""

    def __init__(self):
        self._reader, self._writer = Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()

    def empty(self):
        return not self._reader.poll()

    def put(self, obj):
        data = _dumps(obj)
        with self._wlock:
            self._writer.send_bytes(data)

    def get(self):
        with self._rlock:
            data = self._reader.recv_bytes()
        return _loads(data)

    def close(self):
        self._reader.close()
        self._writer.close()


class Queue:
    """A process-shared FIFO. put() hands the object to a feeder thread, which serializes it
    and writes it to the pipe, so put does not block on a full pipe (as CPython's)."""

    def __init__(self, maxsize=0):
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()
        self._sem = BoundedSemaphore(maxsize)
        self._closed = False
        self._joincancelled = False
        self._reset()

    def _reset(self):
        # The feeder of another process (before a fork) does not exist here.
        self._owner = os.getpid()
        self._notempty = threading.Condition(threading.Lock())
        self._buffer = []
        self._thread = None
        self._closed = False

    def __getstate__(self):
        return {"_maxsize": self._maxsize, "_reader": self._reader, "_writer": self._writer,
                "_rlock": self._rlock, "_wlock": self._wlock, "_sem": self._sem,
                "_joincancelled": False}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._reset()

    def _check_owner(self):
        if self._owner != os.getpid():
            self._reset()

    def put(self, obj, block=True, timeout=None):
        self._check_owner()
        if self._closed:
            raise ValueError("Queue %r is closed" % (self,))
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._notempty:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._notempty.notify()

    def get(self, block=True, timeout=None):
        self._check_owner()
        if self._closed:
            raise ValueError("Queue %r is closed" % (self,))
        if block and timeout is None:
            with self._rlock:
                data = self._reader.recv_bytes()
            self._sem.release()
        else:
            if block:
                deadline = _time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                if block:
                    left = deadline - _time.monotonic()
                    if not self._reader.poll(max(left, 0.0)):
                        raise Empty
                elif not self._reader.poll():
                    raise Empty
                data = self._reader.recv_bytes()
                self._sem.release()
            finally:
                self._rlock.release()
        return _loads(data)

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def qsize(self):
        return self._maxsize - self._sem.get_value()

    def empty(self):
        return not self._reader.poll()

    def full(self):
        return self._sem.get_value() == 0

    def close(self):
        self._check_owner()
        self._closed = True
        with self._notempty:
            if self._thread is not None:
                self._buffer.append(_CLOSE)
                self._notempty.notify()

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)
        if self._thread is not None and not self._joincancelled:
            self._thread.join()

    def cancel_join_thread(self):
        self._joincancelled = True

    def _flush_at_exit(self):
        if self._owner != os.getpid() or self._thread is None:
            return
        if not self._closed:
            self.close()
        if not self._joincancelled:
            self._thread.join()

    def _start_thread(self):
        self._thread = threading.Thread(target=self._feed, name="QueueFeederThread",
                                        daemon=True)
        self._thread.start()
        _queues.append(self)

    def _feed(self):
        while True:
            with self._notempty:
                while not self._buffer:
                    self._notempty.wait()
                obj = self._buffer.pop(0)
            if obj is _CLOSE:
                return
            try:
                data = _dumps(obj)
            except Exception as e:
                # As CPython's feeder: report it, drop the object, go on.
                _thread._print_exception(e)
                self._sem.release()
                continue
            with self._wlock:
                self._writer.send_bytes(data)


class JoinableQueue(Queue):
    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished = Semaphore(0)
        self._cond_lock = Lock()
        self._all_done = Event()
        self._all_done.set()

    def __getstate__(self):
        state = Queue.__getstate__(self)
        state["_unfinished"] = self._unfinished
        state["_cond_lock"] = self._cond_lock
        state["_all_done"] = self._all_done
        return state

    def put(self, obj, block=True, timeout=None):
        with self._cond_lock:
            self._unfinished.release()
            self._all_done.clear()
        Queue.put(self, obj, block, timeout)

    def task_done(self):
        with self._cond_lock:
            if not self._unfinished.acquire(False):
                raise ValueError("task_done() called too many times")
            if self._unfinished.get_value() == 0:
                self._all_done.set()

    def join(self):
        self._all_done.wait()


# --- Pools ----------------------------------------------------------------------------------

_RUN = 0
_CLOSE_STATE = 1
_TERMINATE = 2


def _pool_worker(inqueue, outqueue, initializer, initargs):
    if initializer is not None:
        initializer(*initargs)
    while True:
        task = inqueue.get()
        if task is None:
            return
        job, func, args, kwds, is_chunk = task
        try:
            if is_chunk:
                result = (True, [func(*a) for a in args])
            else:
                result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        try:
            outqueue.put((job, result))
        except Exception as e:
            outqueue.put((job, (False, e)))


class AsyncResult:
    def __init__(self, pool, callback=None, error_callback=None):
        self._pool = pool
        self._event = threading.Event()
        self._callback = callback
        self._error_callback = error_callback
        self._value = None
        self._success = None

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, success, value):
        self._success = success
        self._value = value
        if success and self._callback is not None:
            self._callback(value)
        if not success and self._error_callback is not None:
            self._error_callback(value)
        self._event.set()


ApplyResult = AsyncResult


class MapResult(AsyncResult):
    """The parts of a map (one per chunk), put back together in order."""

    def __init__(self, pool, nparts, callback=None, error_callback=None):
        AsyncResult.__init__(self, pool, callback, error_callback)
        self._parts = [None] * nparts
        self._left = nparts
        self._failed = None
        if nparts == 0:
            AsyncResult._set(self, True, [])

    def _set_part(self, index, success, value):
        if not success and self._failed is None:
            self._failed = value
        self._parts[index] = value
        self._left -= 1
        if self._left == 0:
            if self._failed is not None:
                AsyncResult._set(self, False, self._failed)
            else:
                result = []
                for part in self._parts:
                    result.extend(part)
                AsyncResult._set(self, True, result)


class Pool:
    """A fixed set of worker processes. Tasks go to them through one queue, results come back
    through another, read by a result thread that completes the AsyncResult objects."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._processes = processes
        self._state = _RUN
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()
        self._cache = {}
        self._next_job = 0
        self._cache_lock = threading.Lock()
        self._stop_r, self._stop_w = os.pipe()
        self._pool = []
        for i in range(processes):
            w = Process(target=_pool_worker,
                        args=(self._inqueue, self._outqueue, initializer, initargs),
                        daemon=True)
            w.name = w.name.replace("Process", "ForkPoolWorker")
            w.start()
            self._pool.append(w)
        self._result_thread = threading.Thread(target=self._handle_results, daemon=True)
        self._result_thread.start()
        _pools.append(self)

    def _handle_results(self):
        reader = self._outqueue._reader._read_fd
        while True:
            ready = _gilsim_mp.wait_readable([reader, self._stop_r], None)
            # After close() and join() the results still in the pipe are read first; after
            # terminate() a killed worker may have left half a message, so stop at once.
            if self._stop_r in ready and (self._state == _TERMINATE or reader not in ready):
                return
            try:
                job, result = self._outqueue.get()
            except (EOFError, OSError):
                return
            with self._cache_lock:
                entry = self._cache.get(job)
            if entry is None:
                continue
            target, index = entry
            if index is None:
                target._set(result[0], result[1])
            else:
                target._set_part(index, result[0], result[1])
            with self._cache_lock:
                self._cache.pop(job, None)

    def _check_running(self):
        if self._state != _RUN:
            raise ValueError("Pool not running")

    def _submit(self, target, index, func, args, kwds, is_chunk):
        with self._cache_lock:
            job = self._next_job
            self._next_job += 1
            self._cache[job] = (target, index)
        try:
            self._inqueue.put((job, func, args, kwds, is_chunk))
        except BaseException:
            with self._cache_lock:
                self._cache.pop(job, None)
            raise

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = AsyncResult(self, callback, error_callback)
        self._submit(result, None, func, tuple(args), dict(kwds), False)
        return result

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def _map_async(self, func, iterable, star, chunksize, callback=None, error_callback=None):
        self._check_running()
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if chunksize < 1:
            chunksize = 1
        chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)]
        result = MapResult(self, len(chunks), callback, error_callback)
        for index in range(len(chunks)):
            chunk = chunks[index]
            args = chunk if star else [(x,) for x in chunk]
            self._submit(result, index, func, args, None, True)
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, False, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, False, chunksize, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, True, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, True, chunksize, callback, error_callback)

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        results = [self.apply_async(_map_chunk, (func, chunk))
                   for chunk in _chunks(list(iterable), chunksize)]
        return _imap_results(results)

    # Results in order of submission: a simplification of CPython's completion order.
    imap_unordered = imap

    def close(self):
        if self._state == _RUN:
            self._state = _CLOSE_STATE
            for w in self._pool:
                self._inqueue.put(None)

    def terminate(self):
        if self._state == _TERMINATE:
            return
        self._state = _TERMINATE
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()
        for w in self._pool:
            w.join()
        self._stop_result_thread()

    def join(self):
        if self._state == _RUN:
            raise ValueError("Pool is still running")
        for w in self._pool:
            w.join()
        self._stop_result_thread()

    def _stop_result_thread(self):
        if self._stop_w is not None:
            os.write(self._stop_w, b"x")
            self._result_thread.join()
            os.close(self._stop_w)
            os.close(self._stop_r)
            self._stop_w = None
            self._inqueue.close()
            self._outqueue.close()
        if self in _pools:
            _pools.remove(self)

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()

    def __repr__(self):
        state = ["RUN", "CLOSE", "TERMINATE"][self._state]
        return "<multiprocessing.pool.Pool state=%s pool_size=%d>" % (state, len(self._pool))


def _chunks(items, size):
    if size < 1:
        raise ValueError("Chunksize must be 1+, not {0:n}".format(size))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _map_chunk(func, chunk):
    return [func(x) for x in chunk]


def _imap_results(results):
    for r in results:
        for value in r.get():
            yield value
