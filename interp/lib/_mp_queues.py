"""multiprocessing's queues: SimpleQueue, Queue (with CPython's feeder thread) and JoinableQueue
(multiprocessing.queues in CPython).
"""

import os
import threading
import time as _time
import _gilsim_mp
import _thread
import multiprocessing
from queue import Empty, Full
from _mp_connection import Pipe
from _mp_synchronize import Lock, Semaphore, BoundedSemaphore, Event

# The queues of this process whose feeder thread runs: flushed when the process ends.
_feeding = []


def _flush_all():
    for q in list(_feeding):
        try:
            q._flush_at_exit()
        except Exception:
            pass

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
        data = _gilsim_mp.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(data)

    def get(self):
        with self._rlock:
            data = self._reader.recv_bytes()
        return _gilsim_mp.loads(data)

    def close(self):
        self._reader.close()
        self._writer.close()


class Queue:
    """A process-shared FIFO. put() hands the object to a feeder thread, which serializes it
    and writes it to the pipe, so put does not block on a full pipe (as CPython's)."""

    def __init__(self, maxsize=0):
        if maxsize <= 0:
            maxsize = multiprocessing.SEM_VALUE_MAX
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
        return _gilsim_mp.loads(data)

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
        _feeding.append(self)

    def _feed(self):
        while True:
            # Take everything buffered at once: a producer that outruns the pipe leaves a long
            # buffer, and popping its head item by item would cost O(n) each.
            with self._notempty:
                while not self._buffer:
                    self._notempty.wait()
                batch = self._buffer
                self._buffer = []
            for obj in batch:
                if obj is _CLOSE:
                    return
                try:
                    data = _gilsim_mp.dumps(obj)
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
