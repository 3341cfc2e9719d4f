"""concurrent.futures' ThreadPoolExecutor (concurrent.futures.thread in CPython 3.11).

Work items go through one queue.SimpleQueue to at most max_workers threads, started one per
submit while none is idle. The workers are non-daemon threads: when the main thread ends, an
atexit hook of threading (as CPython's _python_exit) tells them to stop once the queue is empty
and joins them, so submitted work always finishes.

CPython holds the executor weakly from its workers so that a forgotten executor's threads end;
gilsim has no weak references, so a worker holds its executor until shutdown or exit.
"""

import os
import queue
import threading
import _futures_base
from _futures_base import Future, BrokenExecutor

_threads_queues = {}   # every worker thread still running -> (its work queue, its process id)
_shutdown = False      # the interpreter is ending: workers stop once their queue is empty
_global_shutdown_lock = threading.Lock()


def _python_exit():
    # No lock here: in a forked child (which runs this too when it ends) another thread of the
    # parent may have held it at the fork. Only this process's workers are stopped.
    global _shutdown
    _shutdown = True
    me = os.getpid()
    items = [(t, q) for t, (q, pid) in list(_threads_queues.items()) if pid == me]
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)


class BrokenThreadPool(BrokenExecutor):
    """A worker thread's initializer failed: the pool takes no more work."""


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as exc:
            _futures_base.sys.stderr.write("Exception in initializer:\n")
            _futures_base._thread._print_exception(exc)
            executor._initializer_failed()
            _threads_queues.pop(threading.current_thread(), None)
            return
    while True:
        work_item = work_queue.get(block=True)
        if work_item is not None:
            work_item.run()
            del work_item
            executor._idle_semaphore.release()
            continue
        if _shutdown or executor._shutdown:
            # Tell the next worker too: each None stops one thread.
            executor._shutdown = True
            work_queue.put(None)
            _threads_queues.pop(threading.current_thread(), None)
            return


_counter = [0]  # ThreadPoolExecutor-N: how many executors named themselves so far


class ThreadPoolExecutor(_futures_base.Executor):
    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            # CPython 3.11's default: at least 5 threads for I/O-bound work, at most 32.
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        if not thread_name_prefix:
            thread_name_prefix = "ThreadPoolExecutor-%d" % _counter[0]
            _counter[0] += 1
        self._thread_name_prefix = thread_name_prefix
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if _shutdown:
                raise RuntimeError("cannot schedule new futures after interpreter shutdown")
            f = Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # An idle worker takes the new item: no new thread.
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = "%s_%d" % (self._thread_name_prefix, num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self, self._work_queue, self._initializer, self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = (self._work_queue, os.getpid())

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ("A thread initializer failed, the thread pool is not usable anymore")
            # Everything still queued fails the same way.
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """No new work; with cancel_futures the queued calls are cancelled; with wait, returns
        when every worker has ended."""
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in list(self._threads):
                t.join()
