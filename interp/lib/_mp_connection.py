"""multiprocessing's connections: Pipe and Connection (multiprocessing.connection in CPython).

A Connection owns up to two pipe descriptors and sends whole objects as framed, serialized
messages (_gilsim_mp.send_bytes / recv_bytes).
"""

import os
import _gilsim_mp
import multiprocessing

_open_connection_fds = set()  # inherited by spawned children, which may receive a Connection


class Connection:
    """One end of a Pipe: objects sent whole, as framed serialized messages."""

    def __init__(self, read_fd, write_fd):
        self._read_fd = read_fd
        self._write_fd = write_fd
        for fd in (read_fd, write_fd):
            if fd is not None:
                _open_connection_fds.add(fd)

    def _check_closed(self):
        if self._read_fd is None and self._write_fd is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        self._check_closed()
        if self._read_fd is None:
            raise OSError("connection is write-only")

    def _check_writable(self):
        self._check_closed()
        if self._write_fd is None:
            raise OSError("connection is read-only")

    def _get_closed(self):
        return self._read_fd is None and self._write_fd is None

    closed = property(_get_closed)

    def _get_readable(self):
        return self._read_fd is not None

    readable = property(_get_readable)

    def _get_writable(self):
        return self._write_fd is not None

    writable = property(_get_writable)

    def fileno(self):
        self._check_closed()
        return self._read_fd if self._read_fd is not None else self._write_fd

    def send(self, obj):
        self._check_writable()
        _gilsim_mp.send_bytes(self._write_fd, _gilsim_mp.dumps(obj))

    def send_bytes(self, buf, offset=0, size=None):
        self._check_writable()
        if size is None:
            size = len(buf) - offset
        _gilsim_mp.send_bytes(self._write_fd, bytes(buf[offset:offset + size]))

    def recv(self):
        self._check_readable()
        return _gilsim_mp.loads(_gilsim_mp.recv_bytes(self._read_fd))

    def recv_bytes(self, maxlength=None):
        self._check_readable()
        data = _gilsim_mp.recv_bytes(self._read_fd)
        if maxlength is not None and len(data) > maxlength:
            raise OSError("bad message length")
        return data

    def poll(self, timeout=0.0):
        self._check_readable()
        return len(_gilsim_mp.wait_readable([self._read_fd], timeout)) > 0

    def close(self):
        for fd in (self._read_fd, self._write_fd):
            if fd is not None:
                _open_connection_fds.discard(fd)
                os.close(fd)
        self._read_fd = None
        self._write_fd = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return "<multiprocessing.connection.Connection fds=(%s, %s)>" % (
            self._read_fd, self._write_fd)


def Pipe(duplex=True):
    """Two connected Connections; with duplex=False the first only receives and the second
    only sends."""
    if duplex:
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()
        return Connection(r1, w2), Connection(r2, w1)
    r, w = os.pipe()
    return Connection(r, None), Connection(None, w)


def wait(object_list, timeout=None):
    """multiprocessing.connection.wait: the connections, sentinels or processes ready."""
    fds = []
    for obj in object_list:
        if isinstance(obj, int):
            fds.append(obj)
        elif isinstance(obj, multiprocessing.Process):
            fds.append(obj.sentinel)
        else:
            fds.append(obj._read_fd)
    ready = _gilsim_mp.wait_readable(fds, timeout)
    return [obj for obj, fd in zip(object_list, fds) if fd in ready]
