"""multiprocessing's Pool: a fixed set of worker processes, a task queue, a result queue and a
result thread (multiprocessing.pool in CPython).
"""

import os
import queue
import threading
import _gilsim_mp
import multiprocessing
from _mp_queues import SimpleQueue

# The pools of this process still running: terminated when the process ends.
_pools = []


def _terminate_all():
    for pool in list(_pools):
        try:
            pool.terminate()
        except Exception:
            pass

_RUN = 0
_CLOSE_STATE = 1
_TERMINATE = 2


def _pool_worker(inqueue, outqueue, initializer, initargs, maxtasks=None):
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        completed += 1
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
            raise multiprocessing.TimeoutError
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
        if maxtasksperchild is not None and (not isinstance(maxtasksperchild, int)
                                             or maxtasksperchild <= 0):
            raise ValueError("maxtasksperchild must be a positive int or None")
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._processes = processes
        self._state = _RUN
        self._cache = {}
        self._next_job = 0
        self._cache_lock = threading.Lock()
        self._setup_queues()
        self._pool = []
        for i in range(processes):
            w = self._start_worker(initializer, initargs)
            self._pool.append(w)
        self._result_thread = threading.Thread(target=self._handle_results, daemon=True)
        self._result_thread.start()
        self._worker_thread = None
        if maxtasksperchild is not None:
            self._worker_thread = threading.Thread(target=self._maintain_workers, daemon=True)
            self._worker_thread.start()
        _pools.append(self)

    def _maintain_workers(self):
        """Replaces the workers that retired after maxtasksperchild tasks, polling as CPython's
        worker handler does, while tasks are still owed."""
        import time
        while self._state == _RUN or (self._state == _CLOSE_STATE and self._cache):
            for i in range(len(self._pool)):
                if self._pool[i].exitcode is not None:
                    self._pool[i].join()
                    self._pool[i] = self._start_worker(self._initializer, self._initargs)
            time.sleep(0.1)

    def _setup_queues(self):
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()
        self._stop_r, self._stop_w = os.pipe()

    def _start_worker(self, initializer, initargs):
        w = multiprocessing.Process(target=_pool_worker,
                                    args=(self._inqueue, self._outqueue, initializer, initargs,
                                          self._maxtasksperchild),
                                    daemon=True)
        w.name = w.name.replace("Process", "ForkPoolWorker")
        w.start()
        return w

    def _next_result(self):
        """The next (job, result) from the workers; None once the pool stops."""
        reader = self._outqueue._reader._read_fd
        ready = _gilsim_mp.wait_readable([reader, self._stop_r], None)
        # After close() and join() the results still in the pipe are read first; after
        # terminate() a killed worker may have left half a message, so stop at once.
        if self._stop_r in ready and (self._state == _TERMINATE or reader not in ready):
            return None
        try:
            return self._outqueue.get()
        except (EOFError, OSError):
            return None

    def _handle_results(self):
        while True:
            item = self._next_result()
            if item is None:
                return
            job, result = item
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
        return IMapIterator(results)

    def imap_unordered(self, func, iterable, chunksize=1):
        """Results as the workers finish them (the result thread hands each chunk over)."""
        self._check_running()
        done = queue.SimpleQueue()
        chunks = _chunks(list(iterable), chunksize)
        for chunk in chunks:
            self.apply_async(_map_chunk, (func, chunk),
                             callback=lambda values: done.put((True, values)),
                             error_callback=lambda error: done.put((False, error)))
        return IMapUnorderedIterator(done, len(chunks))

    def close(self):
        if self._state == _RUN:
            self._state = _CLOSE_STATE
            for w in self._pool:
                self._inqueue.put(None)

    def terminate(self):
        if self._state == _TERMINATE:
            return
        self._state = _TERMINATE
        self._join_worker_thread()
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()
        for w in self._pool:
            w.join()
        self._stop_result_thread()

    def join(self):
        if self._state == _RUN:
            raise ValueError("Pool is still running")
        self._join_worker_thread()
        for w in self._pool:
            w.join()
        self._stop_result_thread()

    def _join_worker_thread(self):
        if self._worker_thread is not None:
            self._worker_thread.join()
            self._worker_thread = None

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


class IMapIterator:
    """imap's results in order. A chunk whose task raised raises once, from the next() that
    reaches it, and the iteration goes on after it, as CPython's does (a generator would end)."""

    def __init__(self, results):
        self._results = results
        self._index = 0
        self._values = []

    def __iter__(self):
        return self

    def _next_chunk(self, timeout):
        result = self._results[self._index]
        result.wait(timeout)
        if not result.ready():
            raise multiprocessing.TimeoutError
        self._index += 1
        return result.get()

    def next(self, timeout=None):
        while not self._values:
            if self._index == len(self._results):
                raise StopIteration
            self._values = list(self._next_chunk(timeout))
        return self._values.pop(0)

    def __next__(self):
        return self.next()


class IMapUnorderedIterator(IMapIterator):
    """imap_unordered's results as the chunks finish."""

    def __init__(self, done, count):
        IMapIterator.__init__(self, [None] * count)
        self._done = done

    def _next_chunk(self, timeout):
        try:
            success, values = self._done.get(timeout=timeout)
        except queue.Empty:
            raise multiprocessing.TimeoutError
        self._index += 1
        if not success:
            raise values
        return values


class ThreadPool(Pool):
    """Pool's interface over worker threads in this process (multiprocessing.pool.ThreadPool):
    the tasks and their results stay objects, nothing is serialized."""

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _setup_queues(self):
        self._inqueue = queue.SimpleQueue()
        self._outqueue = queue.SimpleQueue()
        self._stop_w = True

    def _start_worker(self, initializer, initargs):
        w = threading.Thread(target=_pool_worker,
                             args=(self._inqueue, self._outqueue, initializer, initargs),
                             daemon=True)
        w.exitcode = None
        w.start()
        return w

    def _next_result(self):
        return self._outqueue.get()  # None: the pool stops

    def terminate(self):
        # Threads cannot be killed: they are told to stop after their current task.
        if self._state == _TERMINATE:
            return
        if self._state == _RUN:
            for w in self._pool:
                self._inqueue.put(None)
        self._state = _TERMINATE
        self._stop_result_thread()

    def join(self):
        if self._state == _RUN:
            raise ValueError("Pool is still running")
        for w in self._pool:
            w.join()
        self._stop_result_thread()

    def _stop_result_thread(self):
        if self._stop_w is not None:
            self._stop_w = None
            self._outqueue.put(None)
            self._result_thread.join()
        if self in _pools:
            _pools.remove(self)

    def __repr__(self):
        state = ["RUN", "CLOSE", "TERMINATE"][self._state]
        return "<multiprocessing.pool.ThreadPool state=%s pool_size=%d>" % (state,
                                                                            len(self._pool))
