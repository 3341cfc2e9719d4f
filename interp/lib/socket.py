"""socket: the BSD socket interface, after CPython 3.11's socket module, over the native _socket
(interp/modules/module_socket.cpp).

socket.socket holds a _socket.socket (gilsim's native types cannot be subclassed) and adds what
CPython's Python layer adds: the with statement, accept() returning a socket, makefile(), dup(),
the reprs with AddressFamily/SocketKind enums; and create_connection, create_server,
socketpair, fromfd, getaddrinfo with enums. Blocking calls give the GIL up (reason `io`), and
timeouts are CPython's: None blocks, 0.0 raises BlockingIOError, more raises TimeoutError.

Not supported by gilsim: sendmsg/recvmsg and ancillary data, AF_PACKET/AF_CAN/... families,
if_nameindex, gethostbyaddr, getnameinfo, getservbyname, getfqdn, get/set_inheritable, and
memoryview buffers (recv_into takes a bytearray). makefile()'s text files decode ASCII-compatible
encodings only, and take newline=None, '' or '\\n' for reading. Under --sim no socket can be
made (the simulated machine has no network).
"""

import _socket
from _socket import *
import io
from errno import EAGAIN, EWOULDBLOCK
from enum import IntEnum, IntFlag

__all__ = ["fromfd", "create_connection", "create_server", "has_dualstack_ipv6",
           "AddressFamily", "SocketKind", "socket", "SocketIO"]
__all__.extend(name for name in dir(_socket) if not name.startswith("_"))


def _constants(prefix, exclude=()):
    # Sorted by value then name, so that the first name of a value is its canonical member.
    found = [(getattr(_socket, name), name) for name in dir(_socket)
             if name.startswith(prefix) and name not in exclude]
    found.sort()
    return [(name, value) for value, name in found]


AddressFamily = IntEnum("AddressFamily", _constants("AF_"), module=__name__)
SocketKind = IntEnum("SocketKind", _constants("SOCK_"), module=__name__)
MsgFlag = IntFlag("MsgFlag", _constants("MSG_"), module=__name__)
AddressInfo = IntFlag("AddressInfo", _constants("AI_"), module=__name__)
for _enum in (AddressFamily, SocketKind, MsgFlag, AddressInfo):
    for _member in _enum:
        globals()[_member.name] = _member
del _enum, _member

_GLOBAL_DEFAULT_TIMEOUT = object()
# What a non-blocking call that cannot go on yet raises.
_would_block = (EAGAIN, EWOULDBLOCK)


def _as_enum(value, enum_class):
    try:
        return enum_class(value)
    except ValueError:
        return value


class socket:
    """A socket: socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        self._sock = _socket.socket(family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    # What the native socket knows.

    @property
    def family(self):
        return _as_enum(self._sock.family, AddressFamily)

    @property
    def type(self):
        return _as_enum(self._sock.type, SocketKind)

    @property
    def proto(self):
        return self._sock.proto

    @property
    def timeout(self):
        return self._sock.timeout

    def fileno(self):
        return self._sock.fileno()

    def gettimeout(self):
        return self._sock.gettimeout()

    def settimeout(self, value):
        self._sock.settimeout(value)

    def getblocking(self):
        return self._sock.getblocking()

    def setblocking(self, flag):
        self._sock.setblocking(flag)

    def bind(self, address):
        self._sock.bind(address)

    def listen(self, *backlog):
        self._sock.listen(*backlog)

    def connect(self, address):
        self._sock.connect(address)

    def connect_ex(self, address):
        return self._sock.connect_ex(address)

    def recv(self, bufsize, flags=0):
        return self._sock.recv(bufsize, flags)

    def recv_into(self, buffer, nbytes=0, flags=0):
        return self._sock.recv_into(buffer, nbytes, flags)

    def recvfrom(self, bufsize, flags=0):
        return self._sock.recvfrom(bufsize, flags)

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        return self._sock.recvfrom_into(buffer, nbytes, flags)

    def send(self, data, flags=0):
        return self._sock.send(data, flags)

    def sendall(self, data, flags=0):
        self._sock.sendall(data, flags)

    def sendto(self, *args):
        return self._sock.sendto(*args)

    def shutdown(self, how):
        self._sock.shutdown(how)

    def getsockname(self):
        return self._sock.getsockname()

    def getpeername(self):
        return self._sock.getpeername()

    def setsockopt(self, *args):
        self._sock.setsockopt(*args)

    def getsockopt(self, *args):
        return self._sock.getsockopt(*args)

    # What CPython's Python layer adds.

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        cls = self.__class__
        text = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            cls.__module__, cls.__qualname__, " [closed]" if self._closed else "",
            self.fileno(), self.family, self.type, self.proto)
        if not self._closed:
            for label, name in (("laddr", self.getsockname), ("raddr", self.getpeername)):
                try:
                    address = name()
                except OSError:
                    continue
                if address:
                    text += ", %s=%s" % (label, str(address))
        return text + ">"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def dup(self):
        duplicate = self.__class__(self.family, self.type, self.proto,
                                   fileno=_socket.dup(self.fileno()))
        duplicate.settimeout(self.gettimeout())
        return duplicate

    def accept(self):
        fd, address = self._sock._accept()
        connection = socket(self.family, self.type, self.proto, fileno=fd)
        # A timeout of the listening socket is not the new one's (the default timeout is).
        if getdefaulttimeout() is None and self.gettimeout():
            connection.setblocking(True)
        return connection, address

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        for c in mode:
            if c not in "rwb":
                raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        writing = "w" in mode
        reading = "r" in mode or not writing
        raw_mode = ("r" if reading else "") + ("w" if writing else "")
        raw = SocketIO(self, raw_mode)
        self._io_refs += 1
        if buffering is None or buffering < 0:
            buffering = io.DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if "b" not in mode:
                raise ValueError("unbuffered streams must be binary")
            return raw
        buffered = _BufferedSocketFile(raw, buffering)
        if "b" in mode:
            return buffered
        text = _TextSocketFile(buffered, encoding, errors, newline)
        text.mode = mode
        return text

    def sendfile(self, file, offset=0, count=None):
        """Sends a binary file's bytes with send() (CPython falls back to the same when
        os.sendfile cannot be used); returns how many were sent."""
        if "b" not in getattr(file, "mode", "b"):
            raise ValueError("file should be opened in binary mode")
        if not self.type & SOCK_STREAM:
            raise ValueError("only SOCK_STREAM type sockets are supported")
        if count is not None:
            if not isinstance(count, int):
                raise TypeError("count must be a positive integer (got {!r})".format(count))
            if count <= 0:
                raise ValueError("count must be a positive integer (got {!r})".format(count))
        if offset:
            file.seek(offset)
        total = 0
        while count is None or total < count:
            size = 8192 if count is None else min(8192, count - total)
            data = file.read(size)
            if not data:
                break
            self.sendall(data)
            total += len(data)
        if total > 0 and hasattr(file, "seek"):
            file.seek(offset + total)
        return total

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def close(self):
        # The descriptor stays open while a makefile() file still uses it.
        self._closed = True
        if self._io_refs <= 0:
            self._sock.close()

    def detach(self):
        self._closed = True
        return self._sock.detach()


SocketType = _socket.socket


def fromfd(fd, family, type, proto=0):
    """A socket over a duplicate of the descriptor fd."""
    return socket(family, type, proto, _socket.dup(fd))


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """Two connected sockets (AF_UNIX unless family says otherwise)."""
    if family is None:
        family = AF_UNIX
    first, second = _socket.socketpair(family, type, proto)
    return (socket(family, type, proto, first.detach()),
            socket(family, type, proto, second.detach()))


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """The (family, type, proto, canonname, sockaddr) tuples of host and port, the family and
    type as AddressFamily and SocketKind."""
    return [(_as_enum(af, AddressFamily), _as_enum(kind, SocketKind), number, canonname, address)
            for af, kind, number, canonname, address
            in _socket.getaddrinfo(host, port, family, type, proto, flags)]


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *,
                      all_errors=False):
    """A socket connected to (host, port): each address getaddrinfo gives is tried in turn;
    when none connects, the first error is raised (all of them, as an ExceptionGroup, with
    all_errors=True where the interpreter has ExceptionGroup)."""
    host, port = address
    failures = []
    for af, kind, number, _canonname, target in getaddrinfo(host, port, 0, SOCK_STREAM):
        candidate = None
        try:
            candidate = socket(af, kind, number)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                candidate.settimeout(timeout)
            if source_address:
                candidate.bind(source_address)
            candidate.connect(target)
            return candidate
        except OSError as exc:
            failures.append(exc)
            if candidate is not None:
                candidate.close()
    if not failures:
        raise error("getaddrinfo returns an empty list")
    if all_errors:
        try:
            group = ExceptionGroup
        except NameError:
            group = None
        if group is not None:
            raise group("create_connection failed", failures)
    raise failures[0]


def has_dualstack_ipv6():
    """Whether an AF_INET6 socket can also take IPv4 connections (IPV6_V6ONLY off)."""
    if not has_ipv6:
        return False
    try:
        with socket(AF_INET6, SOCK_STREAM) as probe:
            probe.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except OSError:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A listening TCP socket bound to address, with SO_REUSEADDR set (as on every POSIX
    system CPython runs on)."""
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    server = socket(family, SOCK_STREAM)
    try:
        server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            server.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            server.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            server.bind(address)
        except OSError as exc:
            failure = error(exc.errno, "%s (while attempting to bind on address %r)"
                            % (exc.strerror, address))
            # gilsim's OSError(errno, strerror) does not set the attributes itself.
            failure.errno = exc.errno
            failure.strerror = failure.args[1]
            failure.filename = None
            raise failure from None
        if backlog is None:
            server.listen()
        else:
            server.listen(backlog)
        return server
    except BaseException:
        server.close()
        raise


class SocketIO(io.RawIOBase):
    """The raw file over a socket that makefile(mode, buffering=0) returns: reads are recv_into,
    writes are send."""

    def __init__(self, sock, mode):
        if mode not in ("r", "w", "rw", "rb", "wb", "rwb"):
            raise ValueError("invalid mode: %r" % mode)
        self._sock = sock
        self._mode = mode if "b" in mode else mode + "b"
        self._reading = "r" in mode
        self._writing = "w" in mode
        self._timed_out = False

    def readinto(self, buffer):
        self._check_open()
        if not self._reading:
            raise io.UnsupportedOperation("not readable")
        if self._timed_out:
            raise OSError("cannot read from timed out object")
        try:
            return self._sock.recv_into(buffer)
        except TimeoutError:
            # What was received before the timeout may be lost: no further reads.
            self._timed_out = True
            raise
        except OSError as exc:
            if exc.errno in _would_block:
                return None
            raise

    def read(self, size=-1):
        if size is None or size < 0:
            return self.readall()
        buffer = bytearray(size)
        count = self.readinto(buffer)
        if count is None:
            return None
        return bytes(buffer[:count])

    def readall(self):
        parts = []
        while True:
            part = self.read(io.DEFAULT_BUFFER_SIZE)
            if not part:
                break
            parts.append(part)
        return b"".join(parts)

    def readline(self, size=-1):
        line = bytearray()
        while size is None or size < 0 or len(line) < size:
            byte = self.read(1)
            if not byte:
                break
            line += byte
            if byte == b"\n":
                break
        return bytes(line)

    def write(self, data):
        self._check_open()
        if not self._writing:
            raise io.UnsupportedOperation("not writable")
        try:
            return self._sock.send(data)
        except OSError as exc:
            if exc.errno in _would_block:
                return None
            raise

    def readable(self):
        self._check_open()
        return self._reading

    def writable(self):
        self._check_open()
        return self._writing

    def seekable(self):
        self._check_open()
        return False

    def fileno(self):
        self._check_open()
        return self._sock.fileno()

    @property
    def name(self):
        return -1 if self.closed else self.fileno()

    @property
    def mode(self):
        return self._mode

    def close(self):
        if self.closed:
            return
        io.RawIOBase.close(self)
        self._sock._decref_socketios()
        self._sock = None

    def __repr__(self):
        return "<socket.SocketIO object>"


class _BufferedSocketFile(io.BufferedIOBase):
    """makefile()'s binary file: reads through a buffer of what recv gave and was not yet read,
    writes gathered until flush() (or the buffer size) and sent with sendall."""

    def __init__(self, raw, buffer_size):
        self.raw = raw
        self._size = buffer_size
        self._unread = b""
        self._unsent = []
        self._unsent_size = 0

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    @property
    def closed(self):
        return self.raw.closed

    def _check_open(self):
        if self.raw.closed:
            raise ValueError("I/O operation on closed file.")

    def _receive(self):
        # One recv's worth (what has arrived, at least a byte), b"" at the end of the stream.
        chunk = self.raw.read(self._size)
        return b"" if chunk is None else chunk

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            parts = [self._unread]
            self._unread = b""
            while True:
                chunk = self._receive()
                if not chunk:
                    break
                parts.append(chunk)
            return b"".join(parts)
        parts = [self._unread]
        have = len(self._unread)
        while have < size:
            chunk = self._receive()
            if not chunk:
                break
            parts.append(chunk)
            have += len(chunk)
        data = b"".join(parts)
        self._unread = data[size:]
        return data[:size]

    def read1(self, size=-1):
        self._check_open()
        if not self._unread:
            self._unread = self._receive()
        if size is None or size < 0:
            size = len(self._unread)
        data = self._unread[:size]
        self._unread = self._unread[size:]
        return data

    def readline(self, size=-1):
        self._check_open()
        limit = -1 if size is None else size
        parts = []
        have = 0
        while True:
            end = self._unread.find(b"\n")
            take = end + 1 if end >= 0 else len(self._unread)
            if limit >= 0:
                take = min(take, limit - have)
            parts.append(self._unread[:take])
            have += take
            self._unread = self._unread[take:]
            if (end >= 0 and take == end + 1) or (limit >= 0 and have >= limit):
                break
            self._unread = self._receive()
            if not self._unread:
                break
        return b"".join(parts)

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __iter__(self):
        self._check_open()
        return self

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def write(self, data):
        self._check_open()
        if not self.raw.writable():
            raise io.UnsupportedOperation("write")
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(data)
        self._unsent.append(data)
        self._unsent_size += len(data)
        if self._unsent_size >= self._size:
            self.flush()
        return len(data)

    def flush(self):
        self._check_open()
        if self._unsent:
            data = b"".join(self._unsent)
            self._unsent = []
            self._unsent_size = 0
            self.raw._sock.sendall(data)

    def readable(self):
        return self.raw.readable()

    def writable(self):
        return self.raw.writable()

    def seekable(self):
        return False

    def fileno(self):
        return self.raw.fileno()

    def close(self):
        if self.raw.closed:
            return
        try:
            if self._unsent:
                self.flush()
        finally:
            self.raw.close()

    def __repr__(self):
        kind = {"rb": "BufferedReader", "wb": "BufferedWriter"}.get(self.raw.mode)
        if kind is None:
            return "<_io.BufferedRWPair object>"
        return "<_io.%s name=%r>" % (kind, self.name)


def _complete_utf8(data):
    """How much of data is whole UTF-8 sequences: a sequence cut at the end waits for the rest."""
    end = len(data)
    start = end - 1
    while start >= 0 and end - start < 4 and data[start] & 0xC0 == 0x80:
        start -= 1
    if start < 0:
        return end
    lead = data[start]
    if lead >= 0xF0:
        length = 4
    elif lead >= 0xE0:
        length = 3
    elif lead >= 0xC0:
        length = 2
    else:
        length = 1
    return start if end - start < length else end


class _TextSocketFile(io.TextIOBase):
    """makefile()'s text file over its binary one: decodes what arrives (a character cut between
    two recvs waits for the rest), translates newlines as TextIOWrapper does for newline=None
    ('\\r\\n' and '\\r' read as '\\n'), encodes writes."""

    def __init__(self, buffer, encoding, errors, newline):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        self.buffer = buffer
        self.encoding = "UTF-8" if encoding is None else encoding
        self.errors = "strict" if errors is None else errors
        self._newline = newline
        self._text = ""         # decoded, not yet read
        self._undecoded = b""   # the start of a character
        self.mode = "r"

    @property
    def name(self):
        return self.buffer.name

    @property
    def closed(self):
        return self.buffer.closed

    def _check_open(self):
        if self.buffer.closed:
            raise ValueError("I/O operation on closed file.")

    def _decode_more(self):
        """Decodes one more chunk into _text; False at the end of the stream."""
        chunk = self.buffer.read1(io.DEFAULT_BUFFER_SIZE)
        data = self._undecoded + chunk
        final = not chunk
        cut = len(data) if final else _complete_utf8(data)
        text = data[:cut].decode(self.encoding, self.errors)
        self._undecoded = data[cut:]
        if self._newline is None:
            # A '\r' at the end may be the first half of '\r\n'.
            if not final and text.endswith("\r"):
                text = text[:-1]
                self._undecoded = b"\r" + self._undecoded
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self._text += text
        return not final

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            while self._decode_more():
                pass
            text, self._text = self._text, ""
            return text
        while len(self._text) < size and self._decode_more():
            pass
        text = self._text[:size]
        self._text = self._text[size:]
        return text

    def readline(self, size=-1):
        self._check_open()
        start = 0
        while True:
            end = self._text.find("\n", start)
            if end >= 0:
                end += 1
                break
            if size is not None and 0 <= size <= len(self._text):
                end = size
                break
            start = len(self._text)
            if not self._decode_more():
                # The end: what the last decode added may still hold a newline.
                end = self._text.find("\n", start)
                end = len(self._text) if end < 0 else end + 1
                break
        if size is not None and 0 <= size < end:
            end = size
        line = self._text[:end]
        self._text = self._text[end:]
        return line

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __iter__(self):
        self._check_open()
        return self

    def write(self, text):
        self._check_open()
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if self._newline not in (None, "", "\n"):
            text = text.replace("\n", self._newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        return len(text)

    def flush(self):
        self.buffer.flush()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return False

    def fileno(self):
        return self.buffer.fileno()

    def close(self):
        self.buffer.close()

    def __repr__(self):
        return "<_io.TextIOWrapper mode=%r encoding=%r>" % (self.mode, self.encoding)
