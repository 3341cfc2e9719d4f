"""multiprocessing's Value and Array: C numbers in shared memory behind a lock
(multiprocessing.sharedctypes in CPython).
"""

import _gilsim_mp
from _mp_synchronize import RLock

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
            if self._typecode == "c" and isinstance(value, (bytes, bytearray)):
                values = [bytes([b]) for b in value]
            if len(values) != len(positions):
                raise ValueError("Can only assign sequence of same size")
            if self._lock is None:
                for i in range(len(positions)):
                    self._array.set(positions[i], values[i])
                return
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

    # A 'c' array is a C char buffer: .value its bytes up to the first NUL, .raw all of them.
    def _get_raw(self):
        self._check_chars("raw")
        return b"".join(self[:])

    def _set_raw(self, data):
        self._check_chars("raw")
        if len(data) > len(self):
            raise ValueError("byte string too long")
        self[0:len(data)] = data

    def _get_chars(self):
        self._check_chars("value")
        raw = self._get_raw()
        end = raw.find(b"\x00")
        return raw if end < 0 else raw[:end]

    def _set_chars(self, data):
        self._check_chars("value")
        if len(data) > len(self):
            raise ValueError("byte string too long")
        self[0:len(data)] = data
        if len(data) < len(self):
            self[len(data)] = b"\x00"

    def _check_chars(self, name):
        if self._typecode != "c":
            raise AttributeError("'SynchronizedArray' object has no attribute '%s'" % name)

    raw = property(_get_raw, _set_raw)
    value = property(_get_chars, _set_chars)

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
    if typecode_or_type == "c" and isinstance(size_or_initializer, (bytes, bytearray)):
        size_or_initializer = [bytes([b]) for b in size_or_initializer]
    return _SharedArray(typecode_or_type, size_or_initializer, lock)


def RawValue(typecode_or_type, *args):
    """A Value without a lock (CPython: the bare ctypes object)."""
    return Value(typecode_or_type, *args, lock=False)


def RawArray(typecode_or_type, size_or_initializer):
    """An Array without a lock (CPython: the bare ctypes array)."""
    return Array(typecode_or_type, size_or_initializer, lock=False)
