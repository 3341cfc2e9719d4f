"""multiprocessing's managers: Manager() / SyncManager and BaseManager.register
(multiprocessing.managers in CPython 3.11).

A manager is a server process that holds the shared objects (dict, list, Namespace, Queue, Lock,
Event, Value, Array and registered types); other processes reach them through proxies. gilsim has
no sockets, so every process talks to the server over the one pair of pipes the manager made
before it forked its users: a request pipe and a reply pipe, a round trip at a time under a
process-shared lock (so threads and processes never interleave their messages). CPython serves
each connection in a thread of its own and lets a call block there; here the server never blocks:
a blocking call (Queue.get, Lock.acquire, Event.wait, Queue.join) is retried by the proxy, which
sleeps a little longer each time (up to 5 ms), until it succeeds or its timeout passes.

Proxies can be passed to forked or spawned processes and through Pool queues, as CPython's can:
a message carries a token that finds the channel again in a forked process; a spawned child
inherits the channel's descriptors with its Process.
"""

import os
import sys
import time as _time
import queue as _queue
import threading
import _gilsim_mp
import multiprocessing
from _mp_connection import Pipe
from _mp_synchronize import Lock as _ProcessLock

_POLL_FIRST = 0.0005   # the first retry of a blocking call, in seconds
_POLL_MAX = 0.005      # the longest sleep between retries


class _WouldBlock(Exception):
    """The server's answer to a call that would have to wait (the proxy retries it)."""


# --- The objects the server holds that are not built-in types -------------------------------

class Namespace:
    def __init__(self, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = list(self.__dict__.items())
        temp = []
        for name, value in items:
            if not name.startswith("_"):
                temp.append("%s=%r" % (name, value))
        temp.sort()
        return "%s(%s)" % (self.__class__.__name__, ", ".join(temp))


class Value:
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return "%s(%r, %r)" % (type(self).__name__, self._typecode, self._value)


class _Array:
    """What Manager().Array holds: CPython's is an array.array; this one prints as one."""

    def __init__(self, typecode, sequence, lock=True):
        self._typecode = typecode
        self._items = list(sequence)

    def __len__(self):
        return len(self._items)

    def __getitem__(self, index):
        return self._items[index]

    def __setitem__(self, index, value):
        self._items[index] = value

    def tolist(self):
        return list(self._items)

    def __repr__(self):
        return "array(%r, %r)" % (self._typecode, self._items)


class _RLock:
    """Manager().RLock(): the server's calls all come from one thread, so the owner is the
    caller the proxy names (its process and thread)."""

    def __init__(self):
        self._owner = None
        self._count = 0

    def acquire_for(self, who):
        if self._owner is None or self._owner == who:
            self._owner = who
            self._count += 1
            return True
        return False

    def release_for(self, who):
        if self._owner != who:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None


class _Server:
    """The server process's state and loop: objects by id, calls in, results out."""

    def __init__(self, registry, requests, replies):
        self.registry = registry
        self.requests = requests
        self.replies = replies
        self.objects = {}
        self.next_id = 0

    def serve(self):
        while True:
            try:
                request = self.requests.recv()
            except EOFError:
                return
            if request[0] == "shutdown":
                self.replies.send(("ok", None))
                return
            try:
                reply = ("ok", self.handle(request))
            except _WouldBlock:
                reply = ("block", None)
            except BaseException as exc:
                reply = ("error", exc)
            try:
                self.replies.send(reply)
            except Exception as exc:
                # The result could not be serialized: send why instead.
                self.replies.send(("error", exc))

    def handle(self, request):
        kind = request[0]
        if kind == "create":
            typeid, args, kwargs = request[1], request[2], request[3]
            obj = self.registry[typeid](*args, **kwargs)
            ident = self.next_id
            self.next_id += 1
            self.objects[ident] = obj
            return ident
        if kind == "call":
            ident, method, args, kwargs = request[1], request[2], request[3], request[4]
            return _call(self.objects[ident], method, args, kwargs)
        if kind == "decref":
            self.objects.pop(request[1], None)
            return None
        raise ValueError("unknown manager request %r" % (kind,))


def _imul(obj, n):
    obj *= n


def _setitem(obj, key, value):
    obj[key] = value


def _delitem(obj, key):
    del obj[key]


# The special methods proxies forward, as operations (gilsim's built-in types do not expose
# their slots as methods, so getattr(obj, "__len__") would not find them).
_OPERATORS = {
    "__getitem__": lambda obj, key: obj[key],
    "__setitem__": _setitem,
    "__delitem__": _delitem,
    "__len__": lambda obj: len(obj),
    "__contains__": lambda obj, key: key in obj,
    "__add__": lambda obj, other: obj + other,
    "__mul__": lambda obj, n: obj * n,
    "__imul__": _imul,
    "__repr__": lambda obj: repr(obj),
    "__str__": lambda obj: str(obj),
}


class _Slice:
    """A slice on its way to the server (slice objects do not serialize)."""

    def __init__(self, key):
        self.start = key.start
        self.stop = key.stop
        self.step = key.step


def _wire_key(key):
    return _Slice(key) if isinstance(key, slice) else key


def _call(obj, method, args, kwargs):
    """One method call on the server; the calls proxies retry are answered with _WouldBlock."""
    if method == "#getattr":
        return getattr(obj, args[0])
    if method == "#setattr":
        return setattr(obj, args[0], args[1])
    if method == "#delattr":
        return delattr(obj, args[0])
    if method == "#copy":
        return list(obj)
    if method == "#self":
        return obj
    if method == "#try_get":
        try:
            return obj.get(False)
        except _queue.Empty:
            raise _WouldBlock()
    if method == "#try_put":
        try:
            return obj.put(args[0], False)
        except _queue.Full:
            raise _WouldBlock()
    if method == "#try_acquire":
        if obj.acquire_for(args[0]) if isinstance(obj, _RLock) else obj.acquire(False):
            return True
        raise _WouldBlock()
    if method == "#release":
        return obj.release_for(args[0]) if isinstance(obj, _RLock) else obj.release()
    if method == "#try_wait":
        if obj.is_set():
            return True
        raise _WouldBlock()
    if method == "#try_join":
        if obj.unfinished_tasks == 0:
            return None
        raise _WouldBlock()
    operator = _OPERATORS.get(method)
    if operator is not None:
        if args and isinstance(args[0], _Slice):
            key = args[0]
            args = (slice(key.start, key.stop, key.step),) + tuple(args[1:])
        return operator(obj, *args)
    result = getattr(obj, method)(*args, **kwargs)
    if method in ("keys", "values", "items"):
        return list(result)  # as CPython's DictProxy: the views arrive as lists
    return result


def _run_server(registry, requests, replies):
    _Server(registry, requests, replies).serve()


# --- The client side --------------------------------------------------------------------------

# The channels this process (or the process it was forked from) made, by token: a proxy sent
# through a queue or a pipe finds its channel here again (the process-shared lock cannot travel
# in a message; CPython's proxies reconnect to the server's address instead).
_channels = {}


class _Channel:
    """The pipes to a manager's server and the lock that makes each round trip whole."""

    def __init__(self, requests, replies, lock):
        self.requests = requests
        self.replies = replies
        self.lock = lock
        self.token = (os.getpid(), len(_channels))
        _channels[self.token] = self

    def __getstate__(self):
        # A spawned child inherits the pipes and the lock (their descriptors travel with the
        # Process); a message gets the token only.
        if multiprocessing.get_spawning_popen() is not None:
            return {"token": self.token, "requests": self.requests, "replies": self.replies,
                    "lock": self.lock}
        return {"token": self.token}

    def __setstate__(self, state):
        channel = _channels.get(state["token"])
        if channel is None and "lock" in state:
            self.__dict__.update(state)
            _channels[self.token] = self
            return
        if channel is None:
            raise RuntimeError("gilsim: this manager proxy cannot be used here: it came in a "
                               "message to a process that was neither forked from the manager's "
                               "owner nor spawned with the proxy among its arguments")
        self.__dict__.update(channel.__dict__)

    def call(self, request):
        with self.lock:
            self.requests.send(request)
            status, value = self.replies.recv()
        if status == "error":
            raise value
        if status == "block":
            raise _WouldBlock()
        return value


def _retry(channel, request, timeout):
    """Repeats a call the server answered with 'would block' until it succeeds (its value) or
    timeout seconds pass (_WouldBlock). Sleeps between tries, so the GIL is free meanwhile."""
    deadline = None if timeout is None else _time.monotonic() + max(timeout, 0)
    pause = _POLL_FIRST
    while True:
        try:
            return channel.call(request)
        except _WouldBlock:
            if deadline is not None:
                left = deadline - _time.monotonic()
                if left <= 0:
                    raise
                pause = min(pause, left)
            _time.sleep(pause)
            pause = min(pause * 2, _POLL_MAX)


class BaseProxy:
    """A reference to an object in a manager's server."""

    def __init__(self, channel, ident, typeid):
        self._channel = channel
        self._id = ident
        self._typeid = typeid

    def _callmethod(self, methodname, args=(), kwds={}):
        return self._channel.call(("call", self._id, methodname, tuple(args), dict(kwds)))

    def _getvalue(self):
        """A copy of the referent."""
        return self._callmethod("#self")

    def __repr__(self):
        return "<%s object, typeid %r at %#x>" % (type(self).__name__, self._typeid, id(self))

    def __str__(self):
        return self._callmethod("__repr__")


def _remote(name):
    def method(self, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = name
    return method


class DictProxy(BaseProxy):
    __contains__ = _remote("__contains__")
    __delitem__ = _remote("__delitem__")
    __getitem__ = _remote("__getitem__")
    __len__ = _remote("__len__")
    __setitem__ = _remote("__setitem__")
    clear = _remote("clear")
    copy = _remote("copy")
    get = _remote("get")
    items = _remote("items")
    keys = _remote("keys")
    pop = _remote("pop")
    popitem = _remote("popitem")
    setdefault = _remote("setdefault")
    update = _remote("update")
    values = _remote("values")

    def __iter__(self):
        return iter(self._callmethod("keys"))


class ListProxy(BaseProxy):
    __contains__ = _remote("__contains__")
    __len__ = _remote("__len__")

    def __getitem__(self, key):
        return self._callmethod("__getitem__", (_wire_key(key),))

    def __setitem__(self, key, value):
        return self._callmethod("__setitem__", (_wire_key(key), value))

    def __delitem__(self, key):
        return self._callmethod("__delitem__", (_wire_key(key),))

    __add__ = _remote("__add__")
    __mul__ = _remote("__mul__")
    append = _remote("append")
    count = _remote("count")
    extend = _remote("extend")
    index = _remote("index")
    insert = _remote("insert")
    pop = _remote("pop")
    remove = _remote("remove")
    reverse = _remote("reverse")
    sort = _remote("sort")

    def __iter__(self):
        return iter(self._callmethod("#copy"))

    def __iadd__(self, value):
        self._callmethod("extend", (value,))
        return self

    def __imul__(self, value):
        self._callmethod("__imul__", (value,))
        return self


class NamespaceProxy(BaseProxy):
    def __getattr__(self, key):
        if key[0] == "_":
            raise AttributeError(key)
        return self._callmethod("#getattr", (key,))

    def __setattr__(self, key, value):
        if key[0] == "_":
            self.__dict__[key] = value  # the proxy's own state (object.__setattr__ in CPython)
            return None
        return self._callmethod("#setattr", (key, value))

    def __delattr__(self, key):
        if key[0] == "_":
            del self.__dict__[key]
            return None
        return self._callmethod("#delattr", (key,))


class ValueProxy(BaseProxy):
    get = _remote("get")
    set = _remote("set")

    def _get_value(self):
        return self._callmethod("get")

    def _set_value(self, value):
        return self._callmethod("set", (value,))

    value = property(_get_value, _set_value)


class ArrayProxy(BaseProxy):
    __len__ = _remote("__len__")
    __getitem__ = _remote("__getitem__")
    __setitem__ = _remote("__setitem__")
    tolist = _remote("tolist")

    def __iter__(self):
        return iter(self._callmethod("tolist"))


def _caller():
    return (os.getpid(), threading.get_ident())


class AcquirerProxy(BaseProxy):
    """Lock, RLock and Semaphore; acquire() retries while the server says it would block."""

    def acquire(self, blocking=True, timeout=None):
        request = ("call", self._id, "#try_acquire", (_caller(),), {})
        try:
            if not blocking:
                return self._channel.call(request)
            return _retry(self._channel, request, timeout)
        except _WouldBlock:
            return False

    def release(self):
        return self._callmethod("#release", (_caller(),))

    def __enter__(self):
        return self.acquire()

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.release()


class EventProxy(BaseProxy):
    is_set = _remote("is_set")
    set = _remote("set")
    clear = _remote("clear")

    def wait(self, timeout=None):
        try:
            return _retry(self._channel, ("call", self._id, "#try_wait", (), {}), timeout)
        except _WouldBlock:
            return False


class QueueProxy(BaseProxy):
    qsize = _remote("qsize")
    empty = _remote("empty")
    full = _remote("full")
    task_done = _remote("task_done")

    def get(self, block=True, timeout=None):
        request = ("call", self._id, "#try_get", (), {})
        try:
            if not block:
                return self._channel.call(request)
            return _retry(self._channel, request, timeout)
        except _WouldBlock:
            raise _queue.Empty

    def put(self, obj, block=True, timeout=None):
        request = ("call", self._id, "#try_put", (obj,), {})
        try:
            if not block:
                return self._channel.call(request)
            return _retry(self._channel, request, timeout)
        except _WouldBlock:
            raise _queue.Full

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def join(self):
        _retry(self._channel, ("call", self._id, "#try_join", (), {}), None)


class AutoProxy(BaseProxy):
    """The proxy of a registered type: every public method, called on the server."""

    def __getattr__(self, name):
        if name[0] == "_":
            raise AttributeError(name)
        channel = self._channel
        ident = self._id

        def method(*args, **kwds):
            return channel.call(("call", ident, name, args, kwds))
        return method


# --- Managers ---------------------------------------------------------------------------------

class BaseManager:
    """A server process for shared objects; register() adds the types it can create."""

    _registry = {}   # typeid -> (callable, proxy type), per class (register copies it)
    _registry_owner = None

    def __init__(self, address=None, authkey=None, serializer="pickle", ctx=None, *,
                 shutdown_timeout=1.0):
        if address is not None:
            raise NotImplementedError("gilsim's managers have no network address: "
                                      "BaseManager(address=...) is not supported")
        self._ctx = ctx or multiprocessing.get_context()
        self._process = None
        self._channel = None

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        # Each class its own copy, so a subclass's types never reach its base.
        if cls._registry_owner is not cls:
            cls._registry = dict(cls._registry)
            cls._registry_owner = cls
        cls._registry[typeid] = (callable, proxytype or AutoProxy)
        if create_method:
            def create(self, *args, **kwds):
                return self._create(typeid, args, kwds)
            create.__name__ = typeid
            setattr(cls, typeid, create)

    def start(self, initializer=None, initargs=()):
        if self._process is not None:
            raise multiprocessing.ProcessError("Already started server")
        requests_r, requests_w = Pipe(duplex=False)
        replies_r, replies_w = Pipe(duplex=False)
        factories = {}
        for typeid, entry in type(self)._registry.items():
            factories[typeid] = entry[0]
        self._process = self._ctx.Process(target=_serve, daemon=True,
                                          args=(factories, requests_r, replies_w,
                                                initializer, initargs))
        self._process.name = type(self).__name__ + "-" + ":".join(
            [str(i) for i in self._process._identity])
        self._process.start()
        self._channel = _Channel(requests_w, replies_r, _ProcessLock())

    def _create(self, typeid, args, kwds):
        if self._channel is None:
            raise multiprocessing.ProcessError("Manager has not been started")
        args = tuple(args)
        # The items of a list or Array travel as a list: a range or a generator does not
        # serialize (pickle takes a range, gilsim's serialization does not).
        if typeid == "list" and args and not isinstance(args[0], list):
            args = (list(args[0]),) + args[1:]
        elif typeid == "Array" and len(args) > 1 and not isinstance(args[1], (int, list)):
            args = (args[0], list(args[1])) + args[2:]
        ident = self._channel.call(("create", typeid, args, dict(kwds)))
        proxytype = type(self)._registry[typeid][1]
        return proxytype(self._channel, ident, typeid)

    def shutdown(self):
        if self._process is None or self._channel is None:
            return
        try:
            self._channel.call(("shutdown",))
        except (EOFError, OSError):
            pass
        self._process.join(timeout=1.0)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
        self._channel = None

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    def __enter__(self):
        if self._process is None:
            self.start()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    def _get_address(self):
        return None

    address = property(_get_address)


def _serve(factories, requests, replies, initializer, initargs):
    if initializer is not None:
        initializer(*initargs)
    _Server(factories, requests, replies).serve()


class SyncManager(BaseManager):
    """The manager Manager() starts: CPython's set of shared types."""


SyncManager.register("Queue", _queue.Queue, QueueProxy)
SyncManager.register("JoinableQueue", _queue.Queue, QueueProxy)
SyncManager.register("Event", threading.Event, EventProxy)
SyncManager.register("Lock", threading.Lock, AcquirerProxy)
SyncManager.register("RLock", _RLock, AcquirerProxy)
SyncManager.register("Semaphore", threading.Semaphore, AcquirerProxy)
SyncManager.register("BoundedSemaphore", threading.BoundedSemaphore, AcquirerProxy)
SyncManager.register("Namespace", Namespace, NamespaceProxy)
SyncManager.register("Value", Value, ValueProxy)
SyncManager.register("Array", _Array, ArrayProxy)
SyncManager.register("dict", dict, DictProxy)
SyncManager.register("list", list, ListProxy)


def Manager():
    """A started SyncManager (its server process runs until shutdown() or the end of the
    program)."""
    m = SyncManager()
    m.start()
    return m
