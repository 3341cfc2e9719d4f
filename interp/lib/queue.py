"""Synchronised queues for passing work between threads.

A gilsim built-in module that follows CPython 3.11's queue API (names, defaults and error
messages): Queue, LifoQueue and PriorityQueue over threading.Condition, plus SimpleQueue.
"""

import threading
import time as _time

__all__ = ["Empty", "Full", "Queue", "PriorityQueue", "LifoQueue", "SimpleQueue"]


class Empty(Exception):
    """Raised by a non-blocking or timed-out get() on an empty queue."""
    pass


class Full(Exception):
    """Raised by a non-blocking or timed-out put() on a full queue."""
    pass


_NEGATIVE_TIMEOUT = "'timeout' must be a non-negative number"


class _Deque:
    """The FIFO store: a list read from a moving head index (there is no collections.deque).

    popleft() is amortised O(1): the consumed prefix is cut off only once it is at least half
    of the list, so each cut costs no more than the pops that led to it.
    """

    def __init__(self):
        self._items = []
        self._head = 0

    def append(self, item):
        self._items.append(item)

    def popleft(self):
        items = self._items
        head = self._head
        if head >= len(items):
            raise IndexError("pop from an empty deque")
        item = items[head]
        items[head] = None  # drop our reference at once
        head += 1
        if head == len(items):
            del items[:]
            head = 0
        elif head >= 64 and 2 * head >= len(items):
            del items[:head]
            head = 0
        self._head = head
        return item

    def clear(self):
        del self._items[:]
        self._head = 0

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    def __getitem__(self, index):
        size = len(self._items) - self._head
        if index < 0:
            index += size
        if index < 0 or index >= size:
            raise IndexError("deque index out of range")
        return self._items[self._head + index]

    def __iter__(self):
        return iter(self._items[self._head:])

    def __repr__(self):
        return "deque(%r)" % (self._items[self._head:],)


# Binary min-heap on a list, comparing only with `<`. The sift order is the one heapq uses,
# so items that compare equal come out in the same order as under CPython.

def _heap_push(heap, item):
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def _heap_pop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    _sift_toward_leaves(heap, 0)
    return top


def _sift_toward_root(heap, start, pos):
    # Move heap[pos] up while it is smaller than its parent, stopping at start.
    item = heap[pos]
    while pos > start:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if item < parent:
            heap[pos] = parent
            pos = parent_pos
        else:
            break
    heap[pos] = item


def _sift_toward_leaves(heap, pos):
    # Walk the hole at pos down to a leaf along the smaller children, then let the displaced
    # item rise back from there: fewer comparisons than stopping early, as in heapq.
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root(heap, start, pos)


class Queue:
    """A FIFO queue; maxsize <= 0 means unbounded."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        # One mutex shared by three conditions, so that every state change is atomic.
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished < 0:
                raise ValueError("task_done() called too many times")
            if unfinished == 0:
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError(_NEGATIVE_TIMEOUT)
                else:
                    deadline = _time.monotonic() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = deadline - _time.monotonic()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError(_NEGATIVE_TIMEOUT)
            else:
                deadline = _time.monotonic() + timeout
                while not self._qsize():
                    remaining = deadline - _time.monotonic()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # Storage hooks that subclasses override; always called with the mutex held.

    def _init(self, maxsize):
        self.queue = _Deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class LifoQueue(Queue):
    """A queue that hands back the most recently added item first."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class PriorityQueue(Queue):
    """A queue that hands back the smallest item first (typically (priority, data) tuples)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        _heap_push(self.queue, item)

    def _get(self):
        return _heap_pop(self.queue)


class SimpleQueue:
    """An unbounded FIFO queue without task tracking."""

    def __init__(self):
        self._queue = _Deque()
        self._not_empty = threading.Condition(threading.Lock())

    def put(self, item, block=True, timeout=None):
        # Never blocks: block and timeout exist for compatibility with Queue.put.
        with self._not_empty:
            self._queue.append(item)
            self._not_empty.notify()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get(self, block=True, timeout=None):
        if timeout is not None and timeout < 0:
            raise ValueError(_NEGATIVE_TIMEOUT)
        with self._not_empty:
            if not block:
                if not self._queue:
                    raise Empty
            elif timeout is None:
                while not self._queue:
                    self._not_empty.wait()
            else:
                deadline = _time.monotonic() + timeout
                while not self._queue:
                    remaining = deadline - _time.monotonic()
                    if remaining <= 0.0:
                        raise Empty
                    self._not_empty.wait(remaining)
            return self._queue.popleft()

    def get_nowait(self):
        return self.get(block=False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)
