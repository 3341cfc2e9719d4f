"""Packing and unpacking C values in bytes, over the native _struct (CPython 3.11's format
language, sizes, alignment and messages)."""

from _struct import error, pack, pack_into, unpack, unpack_from, calcsize

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack", "Struct",
           "error"]


def iter_unpack(format, buffer):
    return Struct(format).iter_unpack(buffer)


class Struct:
    """A compiled format: the same operations without the format argument."""

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode("ascii")
        if not isinstance(format, str):
            raise TypeError("Struct() argument 1 must be a str or bytes object, not %s"
                            % type(format).__name__)
        self.size = calcsize(format)
        self.format = format

    def pack(self, *values):
        return pack(self.format, *values)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        if self.size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if len(buffer) % self.size:
            raise error("iterative unpacking requires a buffer of a multiple of %d bytes"
                        % self.size)
        return (unpack_from(self.format, buffer, offset)
                for offset in range(0, len(buffer), self.size))

    def __repr__(self):
        return "Struct(%r)" % (self.format,)
