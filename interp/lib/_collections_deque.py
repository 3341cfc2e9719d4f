"""collections.deque: a double-ended queue on a ring buffer, after CPython 3.11's semantics.

CPython writes deque in C (Modules/_collectionsmodule.c) as linked blocks; here a growing ring
buffer gives the same O(1) appends and pops at both ends and O(1) indexing. Error messages,
the repr and maxlen's discard-from-the-other-end rule follow CPython's.
"""

_MIN_CAPACITY = 8


def _check_index(i):
    if not isinstance(i, int):
        raise TypeError("sequence index must be integer, not '%s'" % type(i).__name__)


class _DequeIterator:
    """Walks a deque by index and fails, as CPython's does, once the deque has changed.

    An iterator class rather than a generator __iter__: gilsim's iter() refuses a generator
    returned from __iter__ (issue 10)."""

    def __init__(self, owner, backwards):
        self._owner = owner
        self._state = owner._state
        self._left = owner._size
        self._next = owner._size - 1 if backwards else 0
        self._step = -1 if backwards else 1

    def __iter__(self):
        return self

    def __next__(self):
        owner = self._owner
        if owner._state != self._state:
            self._left = 0
            raise RuntimeError("deque mutated during iteration")
        if self._left <= 0:
            raise StopIteration
        value = owner._buffer[owner._slot(self._next)]
        self._next += self._step
        self._left -= 1
        return value

    def __length_hint__(self):
        return self._left


class deque:
    """deque([iterable[, maxlen]]) --> deque object"""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._buffer = [None] * _MIN_CAPACITY
        self._head = 0
        self._size = 0
        self._state = 0  # bumped by every mutation, so iterators can notice one
        self.extend(iterable)

    # ----- the ring buffer
    def _slot(self, i):
        return (self._head + i) % len(self._buffer)

    def _grow(self):
        old = self._buffer
        capacity = len(old)
        self._buffer = [old[(self._head + i) % capacity] for i in range(self._size)]
        self._buffer.extend([None] * capacity)
        self._head = 0

    def _normalise(self, i):
        _check_index(i)
        if i < 0:
            i += self._size
        if i < 0 or i >= self._size:
            raise IndexError("deque index out of range")
        return i

    @property
    def maxlen(self):
        return self._maxlen

    # ----- adding and removing at the ends
    # The four end operations are written out (no helper calls): they are the hot path of
    # queues and breadth-first searches, and each call costs in an interpreted VM.
    def append(self, x):
        self._state += 1
        size = self._size
        maxlen = self._maxlen
        if maxlen is not None and size >= maxlen:
            if maxlen == 0:
                return
            self._popleft()
            size -= 1
        buffer = self._buffer
        if size == len(buffer):
            self._grow()
            buffer = self._buffer
        buffer[(self._head + size) % len(buffer)] = x
        self._size = size + 1

    def appendleft(self, x):
        self._state += 1
        size = self._size
        maxlen = self._maxlen
        if maxlen is not None and size >= maxlen:
            if maxlen == 0:
                return
            self._pop()
            size -= 1
        buffer = self._buffer
        if size == len(buffer):
            self._grow()
            buffer = self._buffer
        head = (self._head - 1) % len(buffer)
        buffer[head] = x
        self._head = head
        self._size = size + 1

    def _pop(self):
        self._size -= 1
        buffer = self._buffer
        slot = (self._head + self._size) % len(buffer)
        value = buffer[slot]
        buffer[slot] = None
        return value

    def _popleft(self):
        buffer = self._buffer
        head = self._head
        value = buffer[head]
        buffer[head] = None
        self._head = (head + 1) % len(buffer)
        self._size -= 1
        return value

    def pop(self):
        if not self._size:
            raise IndexError("pop from an empty deque")
        self._state += 1
        return self._pop()

    def popleft(self):
        size = self._size
        if not size:
            raise IndexError("pop from an empty deque")
        self._state += 1
        buffer = self._buffer
        head = self._head
        value = buffer[head]
        buffer[head] = None
        self._head = (head + 1) % len(buffer)
        self._size = size - 1
        return value

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._state += 1
        self._buffer = [None] * _MIN_CAPACITY
        self._head = 0
        self._size = 0

    def rotate(self, n=1):
        _check_index(n)
        size = self._size
        if size <= 1:
            return
        n %= size
        if not n:
            return
        items = list(self)
        self.clear()
        self.extend(items[-n:] + items[:-n])

    def reverse(self):
        items = list(self)
        items.reverse()
        self.clear()
        self.extend(items)

    # ----- the sequence protocol
    def __len__(self):
        return self._size

    def __bool__(self):
        return self._size != 0

    def __getitem__(self, i):
        return self._buffer[self._slot(self._normalise(i))]

    def __setitem__(self, i, value):
        self._buffer[self._slot(self._normalise(i))] = value

    def __delitem__(self, i):
        i = self._normalise(i)
        items = list(self)
        del items[i]
        self.clear()
        self.extend(items)

    def __iter__(self):
        return _DequeIterator(self, False)

    def __reversed__(self):
        return _DequeIterator(self, True)

    def __contains__(self, x):
        for item in self:
            if item is x or item == x:
                return True
        return False

    def count(self, x):
        n = 0
        for item in self:
            if item is x or item == x:
                n += 1
        return n

    def index(self, x, start=0, stop=None):
        size = self._size
        if stop is None:
            stop = size
        if start < 0:
            start = max(start + size, 0)
        if stop < 0:
            stop = max(stop + size, 0)
        for i in range(start, min(stop, size)):
            item = self._buffer[self._slot(i)]
            if item is x or item == x:
                return i
        raise ValueError("%r is not in deque" % (x,))

    def insert(self, i, x):
        if self._maxlen is not None and self._size >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        items = list(self)
        items.insert(i, x)
        self.clear()
        self.extend(items)

    def remove(self, value):
        for i in range(self._size):
            item = self._buffer[self._slot(i)]
            if item is value or item == value:
                del self[i]
                return
        raise ValueError("%r is not in deque" % (value,))

    def copy(self):
        return type(self)(self, self._maxlen)

    __copy__ = copy

    # ----- operators
    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' %
                            type(other).__name__)
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        result = self.copy()
        result *= n
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        _check_index(n)
        items = list(self)
        self.clear()
        for _ in range(max(n, 0)):
            self.extend(items)
        return self

    def _compare(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(list(self), list(other))

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    __hash__ = None

    def __repr__(self):
        items = repr(list(self))
        name = type(self).__name__
        if self._maxlen is None:
            return "%s(%s)" % (name, items)
        return "%s(%s, maxlen=%d)" % (name, items, self._maxlen)

    def __reduce__(self):
        return (type(self), (list(self), self._maxlen))
