"""pickle over gilsim's own serialization (interp/modules/serialize.h, the one multiprocessing
uses): what it pickles round-trips within gilsim, with pickle's errors for what cannot be
pickled (lambdas, nested functions, open files), but the bytes are gilsim's format, not
CPython's pickle protocol, so they cannot be exchanged with CPython."""

from _gilsim_mp import PickleError, PicklingError, UnpicklingError
import _gilsim_mp

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler", "dump",
           "dumps", "load", "loads", "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


def _check_protocol(protocol):
    if protocol is None:
        return
    if not isinstance(protocol, int):
        raise TypeError("an integer is required (got type %s)" % type(protocol).__name__)
    if protocol > HIGHEST_PROTOCOL:
        raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    _check_protocol(protocol)
    return _gilsim_mp.dumps(obj)


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return _gilsim_mp.loads(bytes(data))


# A file holds a sequence of pickles, each after its length (8 bytes, big-endian), so that load
# reads exactly one.
def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    data = dumps(obj, protocol)
    file.write(len(data).to_bytes(8, "big") + data)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    header = file.read(8)
    if not header:
        raise EOFError("Ran out of input")
    if len(header) < 8:
        raise UnpicklingError("pickle data was truncated")
    size = int.from_bytes(header, "big")
    data = file.read(size)
    if len(data) < size:
        raise UnpicklingError("pickle data was truncated")
    return loads(data)


class Pickler:
    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        _check_protocol(protocol)
        self._file = file

    def dump(self, obj):
        dump(obj, self._file)


class Unpickler:
    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
        self._file = file

    def load(self):
        return load(self._file)
