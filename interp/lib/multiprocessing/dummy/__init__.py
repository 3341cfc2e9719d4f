"""multiprocessing.dummy: multiprocessing's API over threads (CPython's multiprocessing.dummy):
Process is a Thread, Pool a ThreadPool, the queues and locks threading's and queue's."""

import threading
import queue
from threading import Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, Barrier
from queue import Queue
from _mp_pool import ThreadPool

__all__ = [
    "Process", "current_process", "active_children", "freeze_support", "Lock", "RLock",
    "Semaphore", "BoundedSemaphore", "Condition", "Event", "Barrier", "Queue", "Manager", "Pipe",
    "Pool", "JoinableQueue",
]

JoinableQueue = Queue


class DummyProcess(threading.Thread):
    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}):
        threading.Thread.__init__(self, group, target, name, args, kwargs)
        self._pid = None
        self._children = {}
        self._start_called = False
        self._parent = current_process()

    def start(self):
        if self._parent is not current_process():
            raise RuntimeError("Parent is {0!r} but current_process is {1!r}".format(
                self._parent, current_process()))
        self._start_called = True
        if hasattr(self._parent, "_children"):
            self._parent._children[self] = None
        threading.Thread.start(self)

    def _get_exitcode(self):
        if self._start_called and not self.is_alive():
            return 0
        return None

    exitcode = property(_get_exitcode)


Process = DummyProcess
current_process = threading.current_thread


def active_children():
    children = getattr(current_process(), "_children", {})
    for p in list(children):
        if not p.is_alive():
            children.pop(p, None)
    return list(children)


def freeze_support():
    pass


class Namespace:
    def __init__(self, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = [(k, v) for k, v in self.__dict__.items() if not k.startswith("_")]
        items.sort()
        return "Namespace(%s)" % ", ".join("%s=%r" % item for item in items)


dict = dict
list = list


def Array(typecode, sequence, lock=True):
    return [x for x in sequence] if not isinstance(sequence, int) else [0] * sequence


class Value:
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def _get(self):
        return self._value

    def _set(self, value):
        self._value = value

    value = property(_get, _set)

    def __repr__(self):
        return "<%s(%r, %r)>" % (type(self).__name__, self._typecode, self._value)


def Manager():
    import sys
    return sys.modules[__name__]


def shutdown():
    pass


def Pool(processes=None, initializer=None, initargs=()):
    return ThreadPool(processes, initializer, initargs)


def Pipe(duplex=True):
    raise NotImplementedError("multiprocessing.dummy.Pipe is not supported by gilsim")
