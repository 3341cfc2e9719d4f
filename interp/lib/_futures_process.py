"""concurrent.futures' ProcessPoolExecutor (concurrent.futures.process in CPython 3.11), over
gilsim's multiprocessing: worker processes, a call queue and a result queue
(multiprocessing.SimpleQueue, serialized messages on pipes) and one manager thread per executor.

The manager thread moves submitted calls into the call queue (at most max_workers + 1 in flight,
so that the rest can still be cancelled), reads the results and completes the futures. It waits on
one poll over the result pipe, a wake-up pipe that submit() and shutdown() write to, and every
worker's sentinel: a worker that ends while it is needed breaks the pool (BrokenProcessPool), as
CPython's does. As in CPython 3.11 with the fork start method, every worker is started at the
first submit; max_tasks_per_child (which restarts workers) is not supported by gilsim.
"""

import os
import threading
import _gilsim_mp
import multiprocessing
import _futures_base
from _futures_base import Future, BrokenExecutor
from _mp_queues import SimpleQueue

# The executors whose manager thread runs: stopped and joined when the main thread ends.
_executors = []
_global_shutdown = False
EXTRA_QUEUED_CALLS = 1


def _python_exit():
    # Only the executors of this process: a forked child (a worker, say) inherits the list, and
    # the locks of its parent's executors, which another thread may have held at the fork.
    global _global_shutdown
    _global_shutdown = True
    mine = [e for e in list(_executors) if e._owner_pid == os.getpid()]
    for executor in mine:
        executor._wake()
    for executor in mine:
        executor._manager_thread.join()


threading._register_atexit(_python_exit)


class BrokenProcessPool(BrokenExecutor):
    """A worker process ended abruptly: the pool takes no more work."""


def _sendback(result_queue, work_id, success, value):
    try:
        result_queue.put((work_id, success, value))
    except BaseException as exc:
        # The result (or the exception) could not be serialized: send why instead.
        result_queue.put((work_id, False, exc))


def _process_worker(call_queue, result_queue, initializer, initargs):
    """The loop of a worker process: calls in, results (or exceptions) out, until None."""
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as exc:
            _futures_base.sys.stderr.write("Exception in initializer:\n")
            _futures_base._thread._print_exception(exc)
            # The worker ends: the manager sees it and breaks the pool, as CPython's does.
            return
    while True:
        call_item = call_queue.get()
        if call_item is None:
            return
        work_id, fn, args, kwargs = call_item
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:
            _sendback(result_queue, work_id, False, exc)
        else:
            _sendback(result_queue, work_id, True, result)
        del call_item


def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


def _chunks(iterables, chunksize):
    chunks = []
    chunk = []
    for args in zip(*iterables):
        chunk.append(args)
        if len(chunk) == chunksize:
            chunks.append(tuple(chunk))
            chunk = []
    if chunk:
        chunks.append(tuple(chunk))
    return chunks


def _chain_from_iterable_of_lists(iterable):
    for values in iterable:
        values.reverse()
        while values:
            yield values.pop()


class ProcessPoolExecutor(_futures_base.Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if mp_context is None:
            mp_context = multiprocessing.get_context()
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            raise NotImplementedError(
                "ProcessPoolExecutor(max_tasks_per_child=...) is not supported by gilsim")
        self._max_workers = max_workers
        self._owner_pid = os.getpid()
        self._mp_context = mp_context
        self._initializer = initializer
        self._initargs = initargs
        self._processes = []
        self._manager_thread = None
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()
        self._broken = False
        self._queue_count = 0
        self._pending_work_items = {}   # work id -> (future, fn, args, kwargs), not yet sent
        self._work_ids = []             # the ids of _pending_work_items, oldest first
        self._running_work_items = {}   # work id -> future, sent to a worker
        self._call_queue = None
        self._result_queue = None
        self._wakeup_r = None
        self._wakeup_w = None
        self._wake_pending = False

    # --- The parent's side ---------------------------------------------------------------

    def submit(self, fn, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if _global_shutdown:
                raise RuntimeError("cannot schedule new futures after interpreter shutdown")
            f = Future()
            work_id = self._queue_count
            self._queue_count += 1
            self._pending_work_items[work_id] = (f, fn, args, kwargs)
            self._work_ids.append(work_id)
        if self._manager_thread is None:
            self._start_manager()
        self._wake()
        return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """As Executor.map; chunksize calls travel to a worker together."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        chunks = _chunks(iterables, chunksize)
        results = _futures_base.Executor.map(self, _process_chunk, [fn] * len(chunks), chunks,
                                             timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """No new work; with cancel_futures the calls not yet sent to a worker are cancelled;
        with wait, returns when every worker has ended."""
        with self._shutdown_lock:
            self._shutdown_thread = True
            if cancel_futures:
                for work_id in self._work_ids:
                    f = self._pending_work_items.pop(work_id)[0]
                    if f.cancel():
                        f.set_running_or_notify_cancel()
                self._work_ids = []
        if self._manager_thread is None:
            return
        self._wake()
        if wait:
            self._manager_thread.join()

    def _wake(self):
        # Under the lock: the manager closes the pipe when it ends.
        # One byte at most in the pipe: a full pipe would block submit() under the lock.
        with self._shutdown_lock:
            if self._wakeup_w is not None and not self._wake_pending:
                self._wake_pending = True
                os.write(self._wakeup_w, b"x")

    def _start_manager(self):
        # Workers first: they are forked before the manager thread exists.
        self._call_queue = SimpleQueue()
        self._result_queue = SimpleQueue()
        self._wakeup_r, self._wakeup_w = os.pipe()
        for _ in range(self._max_workers):
            p = self._mp_context.Process(
                target=_process_worker,
                args=(self._call_queue, self._result_queue, self._initializer, self._initargs))
            p.start()
            self._processes.append(p)
        self._manager_thread = threading.Thread(target=self._manage, daemon=True)
        self._manager_thread.start()
        _executors.append(self)

    # --- The manager thread --------------------------------------------------------------

    def _feed_calls(self):
        while len(self._running_work_items) < self._max_workers + EXTRA_QUEUED_CALLS:
            with self._shutdown_lock:
                if not self._work_ids:
                    return
                work_id = self._work_ids.pop(0)
                f, fn, args, kwargs = self._pending_work_items.pop(work_id)
            if not f.set_running_or_notify_cancel():
                continue
            try:
                self._call_queue.put((work_id, fn, args, kwargs))
            except BaseException as exc:
                f.set_exception(exc)
                continue
            self._running_work_items[work_id] = f

    def _manage(self):
        reader = self._result_queue._reader._read_fd
        sentinels = [p.sentinel for p in self._processes]
        try:
            while True:
                self._feed_calls()
                with self._shutdown_lock:
                    stopping = (self._shutdown_thread or _global_shutdown) and \
                        not self._work_ids and not self._running_work_items
                if stopping:
                    self._stop_workers()
                    return
                ready = _gilsim_mp.wait_readable([reader, self._wakeup_r] + sentinels, None)
                if self._wakeup_r in ready:
                    with self._shutdown_lock:
                        os.read(self._wakeup_r, 1)
                        self._wake_pending = False
                if reader in ready:
                    work_id, success, value = self._result_queue.get()
                    f = self._running_work_items.pop(work_id, None)
                    if f is not None:
                        if success:
                            f.set_result(value)
                        else:
                            f.set_exception(value)
                elif any(s in ready for s in sentinels):
                    self._break_pool()
                    return
        finally:
            if self in _executors:
                _executors.remove(self)

    def _stop_workers(self):
        for _ in self._processes:
            self._call_queue.put(None)
        for p in self._processes:
            p.join()
        self._close_pipes()

    def _break_pool(self):
        with self._shutdown_lock:
            self._broken = ("A child process terminated abruptly, the process pool is not "
                            "usable anymore")
            futures = list(self._running_work_items.values())
            futures += [self._pending_work_items[i][0] for i in self._work_ids]
            self._running_work_items = {}
            self._pending_work_items = {}
            self._work_ids = []
        for f in futures:
            if f.cancelled():
                f.set_running_or_notify_cancel()
                continue
            if not f.running():
                f.set_running_or_notify_cancel()
            f.set_exception(BrokenProcessPool(
                "A process in the process pool was terminated abruptly while the future was "
                "running or pending."))
        for p in self._processes:
            if p.exitcode is None:
                p.terminate()
        for p in self._processes:
            p.join()
        self._close_pipes()

    def _close_pipes(self):
        self._call_queue.close()
        self._result_queue.close()
        with self._shutdown_lock:
            os.close(self._wakeup_w)
            os.close(self._wakeup_r)
            self._wakeup_w = None
