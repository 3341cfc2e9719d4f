"""Iterator building blocks, after CPython 3.11's itertools (a C module there, Python here).

Each function is a generator or a small iterator class with CPython's argument checks and
error messages, so that a script sees the same results and the same TypeErrors.
"""

__all__ = [
    "count", "cycle", "repeat", "accumulate", "chain", "compress", "dropwhile", "filterfalse",
    "groupby", "islice", "pairwise", "starmap", "takewhile", "tee", "zip_longest", "product",
    "permutations", "combinations", "combinations_with_replacement",
]


def _type_name(obj):
    return type(obj).__name__


class count:
    """count(start=0, step=1): start, start+step, start+2*step, ..."""

    def __init__(self, start=0, step=1):
        for value in (start, step):
            if not isinstance(value, (int, float)) and not any(
                    hasattr(type(value), name) for name in ("__index__", "__int__", "__float__",
                                                             "__complex__")):
                raise TypeError("a number is required")
        self._next = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._next
        self._next = value + self._step
        return value

    def __repr__(self):
        if self._step == 1 and type(self._step) is int:
            return "count(%r)" % (self._next,)
        return "count(%r, %r)" % (self._next, self._step)


# The public functions call iter() (and check their arguments) at once, as CPython's do, and
# hand the iteration to a generator.
def cycle(iterable):
    return _cycle(iter(iterable))


def _cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


class repeat:
    """repeat(object [,times]): object, forever or times times."""

    def __init__(self, object, times=None):
        if times is not None and not isinstance(times, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % _type_name(times))
        self._object = object
        self._times = None if times is None else max(times, 0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return "repeat(%r)" % (self._object,)
        return "repeat(%r, %d)" % (self._object, self._times)


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


class chain:
    """chain(*iterables): the elements of the first iterable, then of the next, ..."""

    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterables):
        result = cls()
        result._sources = iter(iterables)
        return result

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                self._active = iter(next(self._sources))
            try:
                return next(self._active)
            except StopIteration:
                self._active = None


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def filterfalse(predicate, iterable):
    return _filterfalse(bool if predicate is None else predicate, iter(iterable))


def _filterfalse(predicate, iterable):
    for x in iterable:
        if not predicate(x):
            yield x


class groupby:
    """groupby(iterable, key=None): (key, group iterator) for each run of equal keys."""

    def __init__(self, iterable, key=None):
        self._keyfunc = key if key is not None else (lambda x: x)
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _MARKER
        self._group_id = 0

    def __iter__(self):
        return self

    def __next__(self):
        self._group_id += 1
        # Skip what is left of the current group, as CPython does, so groups advance.
        while self._currkey is _MARKER or self._currkey == self._tgtkey:
            self._currvalue = next(self._it)
            self._currkey = self._keyfunc(self._currvalue)
            if self._tgtkey is _MARKER:
                break
        self._tgtkey = self._currkey
        return (self._currkey, self._grouper(self._tgtkey, self._group_id))

    def _grouper(self, tgtkey, group_id):
        while self._group_id == group_id and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._currvalue = next(self._it)
            except StopIteration:
                return
            self._currkey = self._keyfunc(self._currvalue)


class _Marker:
    def __repr__(self):
        return "<marker>"


_MARKER = _Marker()


def _islice_index(value, what):
    if value is None:
        return None
    if isinstance(value, int):
        return int(value)
    if hasattr(value, "__index__"):
        return value.__index__()
    raise ValueError(what)


def islice(iterable, *args):
    if len(args) == 0:
        raise TypeError("islice expected at least 2 arguments, got 1")
    if len(args) > 3:
        raise TypeError("islice expected at most 4 arguments, got %d" % (len(args) + 1))
    stop_message = ("Stop argument for islice() must be None or an integer: "
                    "0 <= x <= sys.maxsize.")
    index_message = ("Indices for islice() must be None or an integer: "
                     "0 <= x <= sys.maxsize.")
    if len(args) == 1:
        start, stop, step = 0, _islice_index(args[0], stop_message), 1
        if stop is not None and stop < 0:
            raise ValueError(stop_message)
    else:
        start = _islice_index(args[0], index_message)
        stop = _islice_index(args[1], index_message)
        step = _islice_index(args[2], "Step for islice() must be a positive integer or None.") \
            if len(args) == 3 else None
        if start is None:
            start = 0
        if step is None:
            step = 1
        if start < 0 or (stop is not None and stop < 0):
            raise ValueError(index_message)
        if step <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
    return _islice(iter(iterable), start, stop, step)


def _islice(it, start, stop, step):
    index = 0
    next_wanted = start
    while stop is None or next_wanted < stop:
        try:
            element = next(it)
        except StopIteration:
            return
        if index == next_wanted:
            yield element
            next_wanted += step
        index += 1
    # CPython consumes up to the stop position (the start one for an empty range) even when
    # nothing more is yielded.
    end = start if start >= stop else stop
    while index < end:
        try:
            next(it)
        except StopIteration:
            return
        index += 1


def pairwise(iterable):
    return _pairwise(iter(iterable))


def _pairwise(it):
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def starmap(function, iterable):
    return _starmap(function, iter(iterable))


def _starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


class _TeeBuffer:
    """The elements one tee iterator has seen and the others have not yet."""

    def __init__(self, it):
        self.it = it
        self.values = []
        self.base = 0  # index of values[0] in the stream
        self.positions = []


class _tee:
    def __init__(self, buffer, position):
        self._buffer = buffer
        self._position = position

    def __iter__(self):
        return self

    def __next__(self):
        buffer = self._buffer
        offset = self._position - buffer.base
        if offset < len(buffer.values):
            value = buffer.values[offset]
        else:
            value = next(buffer.it)
            buffer.values.append(value)
        self._position += 1
        return value

    def __copy__(self):
        return _tee(self._buffer, self._position)


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % _type_name(n))
    if n < 0:
        raise ValueError("n must be >= 0")
    buffer = _TeeBuffer(iter(iterable))
    return tuple(_tee(buffer, 0) for _ in range(n))


def zip_longest(*iterables, fillvalue=None):
    return _zip_longest([iter(it) for it in iterables], fillvalue)


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def product(*iterables, repeat=1):
    if not isinstance(repeat, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % _type_name(repeat))
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    return _product([tuple(pool) for pool in iterables] * repeat)


def _product(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    elif not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def _check_r(r):
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % _type_name(r))
    if r < 0:
        raise ValueError("r must be non-negative")


def combinations(iterable, r):
    _check_r(r)
    return _combinations(tuple(iterable), r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    _check_r(r)
    return _combinations_with_replacement(tuple(iterable), r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
