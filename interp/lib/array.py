"""Typed arrays of C numbers (CPython 3.11's array module): the values are checked and stored as
the C type would hold them (a 'f' array rounds to single precision, a 'b' array refuses 200), and
tobytes/frombytes use the native layout, through struct."""

import struct as _struct

typecodes = "bBuhHiIlLqQfd"

# CPython's OverflowError messages for the integer codes: (too small, too large).
_INT_RANGES = {
    "b": (-128, 127, "signed char is less than minimum", "signed char is greater than maximum"),
    "B": (0, 255, "unsigned byte integer is less than minimum",
          "unsigned byte integer is greater than maximum"),
    "h": (-32768, 32767, "signed short integer is less than minimum",
          "signed short integer is greater than maximum"),
    "H": (0, 65535, "unsigned short is less than minimum", "unsigned short is greater than maximum"),
    "i": (-2 ** 31, 2 ** 31 - 1, "signed integer is less than minimum",
          "signed integer is greater than maximum"),
    "I": (0, 2 ** 32 - 1, "unsigned int is less than minimum",
          "unsigned int is greater than maximum"),
    "l": (-2 ** 63, 2 ** 63 - 1, "Python int too large to convert to C long",
          "Python int too large to convert to C long"),
    "L": (0, 2 ** 64 - 1, "unsigned long is less than minimum",
          "Python int too large to convert to C unsigned long"),
    "q": (-2 ** 63, 2 ** 63 - 1, "Python int too large to convert to C long",
          "Python int too large to convert to C long"),
    "Q": (0, 2 ** 64 - 1, "unsigned long long is less than minimum",
          "Python int too large to convert to C unsigned long long"),
}


def _checker(typecode):
    if typecode in _INT_RANGES:
        low, high, too_small, too_large = _INT_RANGES[typecode]

        def check(value):
            if not isinstance(value, int):
                if hasattr(type(value), "__index__"):
                    value = type(value).__index__(value)
                else:
                    raise TypeError("'%s' object cannot be interpreted as an integer"
                                    % type(value).__name__)
            value = int(value)
            if value < low:
                raise OverflowError(too_small)
            if value > high:
                raise OverflowError(too_large)
            return value
        return check
    if typecode == "d":
        def check(value):
            if isinstance(value, float):
                return value
            if isinstance(value, (int, bool)) or hasattr(type(value), "__float__"):
                return float(value)
            raise TypeError("must be real number, not %s" % type(value).__name__)
        return check
    if typecode == "f":
        def check(value):
            if not isinstance(value, float):
                if isinstance(value, (int, bool)) or hasattr(type(value), "__float__"):
                    value = float(value)
                else:
                    raise TypeError("must be real number, not %s" % type(value).__name__)
            return _struct.unpack("f", _struct.pack("f", value))[0]
        return check

    def check(value):
        if not isinstance(value, str) or len(value) != 1:
            raise TypeError("array item must be unicode character")
        return value
    return check


def _typecode_of(typecode):
    if not isinstance(typecode, str) or len(typecode) != 1:
        raise TypeError("array() argument 1 must be a unicode character, not %s"
                        % type(typecode).__name__)
    if typecode not in typecodes:
        raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
    return typecode


class array:
    """array(typecode[, initializer]): a list of C numbers of one type."""

    __slots__ = ("_typecode", "_items", "_check")

    def __init__(self, typecode, initializer=None):
        self._typecode = _typecode_of(typecode)
        self._check = _checker(typecode)
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, array):
            if initializer._typecode != typecode and (typecode == "u" or
                                                       initializer._typecode == "u"):
                raise TypeError("cannot use a unicode array to initialize an array with "
                                "typecode '%s'" % typecode)
            self.extend(initializer._items)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            if typecode != "u":
                raise TypeError("cannot use a str to initialize an array with typecode '%s'"
                                % typecode)
            self.fromunicode(initializer)
        else:
            self.extend(initializer)

    # -- what it holds
    @property
    def typecode(self):
        return self._typecode

    @property
    def itemsize(self):
        return 4 if self._typecode == "u" else _struct.calcsize(self._typecode)

    def buffer_info(self):
        return (id(self), len(self._items))

    def tolist(self):
        return list(self._items)

    def tobytes(self):
        if self._typecode == "u":
            return "".join(self._items).encode("utf-32-le")
        return _struct.pack("%d%s" % (len(self._items), self._typecode), *self._items)

    def __bytes__(self):
        return self.tobytes()

    def tounicode(self):
        if self._typecode != "u":
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return "".join(self._items)

    def tofile(self, f):
        f.write(self.tobytes())

    # -- growing it
    def append(self, value):
        self._items.append(self._check(value))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._typecode != self._typecode:
                raise TypeError("can only extend with array of same kind")
            self._items.extend(iterable._items)
            return
        check = self._check
        self._items.extend([check(v) for v in iterable])

    def fromlist(self, values):
        if not isinstance(values, list):
            raise TypeError("arg must be list")
        self.extend(values)

    def frombytes(self, data):
        data = bytes(data)
        size = self.itemsize
        if len(data) % size:
            raise ValueError("bytes length not a multiple of item size")
        if self._typecode == "u":
            self._items.extend(data.decode("utf-32-le"))
        else:
            self._items.extend(_struct.unpack("%d%s" % (len(data) // size, self._typecode), data))

    def fromunicode(self, text):
        if self._typecode != "u":
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._items.extend(text)

    def fromfile(self, f, n):
        data = f.read(n * self.itemsize)
        whole = len(data) - len(data) % self.itemsize
        self.frombytes(data[:whole])
        if len(data) < n * self.itemsize:
            raise EOFError("read() didn't return enough bytes")

    def insert(self, index, value):
        self._items.insert(index, self._check(value))

    # -- taking from it
    def pop(self, index=-1):
        if not self._items:
            raise IndexError("pop from empty array")
        try:
            return self._items.pop(index)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, value):
        try:
            self._items.remove(value)
        except ValueError:
            raise ValueError("array.remove(x): x not in array") from None

    def index(self, value, start=0, stop=None):
        items = self._items
        stop = len(items) if stop is None else stop
        for i in range(*slice(start, stop).indices(len(items))):
            if items[i] == value:
                return i
        raise ValueError("array.index(x): x not in array")

    def count(self, value):
        return self._items.count(value)

    def reverse(self):
        self._items.reverse()

    def byteswap(self):
        size = self.itemsize
        if size == 1:
            return
        data = self.tobytes()
        swapped = b"".join(data[i:i + size][::-1] for i in range(0, len(data), size))
        self._items = []
        self.frombytes(swapped)

    # -- the sequence protocol
    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, value):
        return value in self._items

    def __getitem__(self, index):
        if isinstance(index, slice):
            result = array(self._typecode)
            result._items = self._items[index]
            return result
        try:
            return self._items[index]
        except IndexError:
            raise IndexError("array index out of range") from None

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            if not isinstance(value, array):
                raise TypeError("can only assign array (not \"%s\") to array slice"
                                % type(value).__name__)
            if value._typecode != self._typecode:
                raise TypeError("bad argument type for built-in operation")
            self._items[index] = value._items
            return
        try:
            self._items[index] = self._check(value)
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __delitem__(self, index):
        try:
            del self._items[index]
        except IndexError:
            raise IndexError("array assignment index out of range") from None

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError("can only append array (not \"%s\") to array"
                            % type(other).__name__)
        if other._typecode != self._typecode:
            raise TypeError("bad argument type for built-in operation")
        result = array(self._typecode)
        result._items = self._items + other._items
        return result

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError("can only extend array with array (not \"%s\")"
                            % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, count):
        result = array(self._typecode)
        result._items = self._items * count
        return result

    __rmul__ = __mul__

    def __imul__(self, count):
        self._items *= count
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items >= other._items

    __hash__ = None

    def __copy__(self):
        return array(self._typecode, self)

    def __deepcopy__(self, memo):
        return array(self._typecode, self)

    def __getstate__(self):
        return (self._typecode, self._items)

    def __setstate__(self, state):
        self._typecode, self._items = state
        self._check = _checker(self._typecode)

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self._typecode
        if self._typecode == "u":
            return "array('u', %r)" % "".join(self._items)
        return "array('%s', %r)" % (self._typecode, self._items)


ArrayType = array
