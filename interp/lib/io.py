"""In-memory streams and the io names, after CPython 3.11's io (Lib/_pyio.py's semantics).

StringIO and BytesIO with read/readline/readlines/write/writelines/seek/tell/truncate/getvalue,
iteration and the with statement; open is the built-in open. Appends at the end are kept as
a list of pieces and joined when read, so that building a long text is linear.
"""

__all__ = ["StringIO", "BytesIO", "IOBase", "TextIOBase", "BufferedIOBase", "RawIOBase",
           "TextIOWrapper", "UnsupportedOperation", "open", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "DEFAULT_BUFFER_SIZE"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = open


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    """The base of the in-memory streams: closing, the with statement and line iteration."""

    _closed = False

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def flush(self):
        self._check_open()

    def isatty(self):
        self._check_open()
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def writelines(self, lines):
        self._check_open()
        for line in lines:
            self.write(line)

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if total >= hint:
                break
        return lines


class TextIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class RawIOBase(IOBase):
    pass


class TextIOWrapper(TextIOBase):
    """Named for isinstance checks and annotations; gilsim's files are its own file objects."""

    def __init__(self, *args, **kwargs):
        raise UnsupportedOperation("io.TextIOWrapper is not supported by gilsim; use open()")


class _MemoryStream(IOBase):
    """What StringIO and BytesIO share: a value, a position, and appended pieces."""

    _empty = ""

    def _init(self, initial):
        self._value = initial
        self._pieces = []
        self._length = len(initial)
        self._pos = 0

    def _joined(self):
        if self._pieces:
            self._value = self._empty.join([self._value] + self._pieces)
            self._pieces = []
        return self._value

    def getvalue(self):
        self._check_open()
        return self._joined()

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" %
                            type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0 and self._text:
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            if pos != 0 and self._text:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = max(0, self._length + pos)
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def read(self, size=-1):
        self._check_open()
        value = self._joined()
        if size is None or size < 0:
            end = self._length
        else:
            end = min(self._pos + size, self._length)
        if self._pos >= end:
            return self._empty
        result = value[self._pos:end]
        self._pos = end
        return result

    def readline(self, size=-1):
        self._check_open()
        value = self._joined()
        if self._text:
            end = value.find("\n", self._pos)
        else:
            # gilsim's bytes.find takes no start position yet: search the tail.
            end = value[self._pos:].find(b"\n")
            end = end if end < 0 else end + self._pos
        end = self._length if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        if self._pos >= end:
            return self._empty
        result = value[self._pos:end]
        self._pos = end
        return result

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        if size < self._length:
            self._value = self._joined()[:size]
            self._length = size
        return size

    def _write(self, s):
        n = len(s)
        if not n:
            return 0
        if self._pos == self._length:
            self._pieces.append(s)
        else:
            value = self._joined()
            if self._pos > self._length:
                value = value + self._pad * (self._pos - self._length)
            self._value = value[:self._pos] + s + value[self._pos + n:]
            self._length = len(self._value)
            self._pos += n
            return n
        self._pos += n
        self._length = self._pos
        return n


class StringIO(_MemoryStream, TextIOBase):
    """StringIO(initial_value='', newline='\\n'): a text stream in memory."""

    _text = True
    _empty = ""
    _pad = "\0"

    def __init__(self, initial_value="", newline="\n"):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" %
                            type(initial_value).__name__)
        self.newline = newline
        self._init(self._translated(initial_value))

    # As CPython's: newline=None stores \r\n and \r as \n; '\r' and '\r\n' store \n as
    # themselves; '' and '\n' store the text as it is.
    def _translated(self, s):
        if self.newline is None:
            return s.replace("\r\n", "\n").replace("\r", "\n")
        if self.newline in ("\r", "\r\n"):
            return s.replace("\n", self.newline)
        return s

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        return self._write(self._translated(s)) and len(s)

    def readline(self, size=-1):
        """A line ends at the stream's newline; with newline='' at \n, \r or \r\n."""
        if self.newline in (None, "\n"):
            return _MemoryStream.readline(self, size)
        self._check_open()
        value = self._joined()
        if self.newline == "":
            cr = value.find("\r", self._pos)
            lf = value.find("\n", self._pos)
            if cr < 0 or (0 <= lf < cr):
                end = lf + 1 if lf >= 0 else self._length
            else:
                end = cr + 2 if value.startswith("\r\n", cr) else cr + 1
        else:
            found = value.find(self.newline, self._pos)
            end = self._length if found < 0 else found + len(self.newline)
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        if self._pos >= end:
            return self._empty
        result = value[self._pos:end]
        self._pos = end
        return result

    @property
    def line_buffering(self):
        return False

    @property
    def encoding(self):
        return None

    def __repr__(self):
        return "<_io.StringIO object at %#x>" % id(self)


class BytesIO(_MemoryStream, BufferedIOBase):
    """BytesIO(initial_bytes=b''): a binary stream in memory."""

    _text = False
    _empty = b""
    _pad = b"\0"

    def __init__(self, initial_bytes=b""):
        if initial_bytes is None:
            initial_bytes = b""
        if not isinstance(initial_bytes, bytes):
            initial_bytes = bytes(initial_bytes)
        self._init(initial_bytes)

    def write(self, b):
        self._check_open()
        if not isinstance(b, bytes):
            if type(b).__name__ not in ("bytearray", "memoryview"):
                raise TypeError("a bytes-like object is required, not '%s'" %
                                type(b).__name__)
            b = bytes(b)
        return self._write(b)

    def getbuffer(self):
        raise UnsupportedOperation("BytesIO.getbuffer() is not supported by gilsim")

    def read1(self, size=-1):
        return self.read(size)

    def __repr__(self):
        return "<_io.BytesIO object at %#x>" % id(self)
