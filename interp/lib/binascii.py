"""Conversions between binary data and ASCII encodings, after CPython 3.11's binascii.

Written for gilsim in Python (CPython's is a C module): hex, base64, CRC-32 and CRC-CCITT,
with CPython's argument rules and error messages.
"""

__all__ = ["Error", "Incomplete", "hexlify", "b2a_hex", "unhexlify", "a2b_hex",
           "b2a_base64", "a2b_base64", "crc32", "crc_hqx"]


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


_HEXDIGITS = b"0123456789abcdef"
_B64CHARS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64VALUES = [-1] * 256
for _i in range(64):
    _B64VALUES[_B64CHARS[_i]] = _i
_HEXVALUES = [-1] * 256
for _i in range(16):
    _HEXVALUES[_HEXDIGITS[_i]] = _i
    _HEXVALUES[b"0123456789ABCDEF"[_i]] = _i


def _binary_arg(data):
    # Arguments that must be bytes-like (the b2a_* side).
    if isinstance(data, bytes):
        return data
    if isinstance(data, bytearray):
        return bytes(data)
    if isinstance(data, str) or not hasattr(type(data), "__bytes__"):
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
    return bytes(data)


def _ascii_arg(data):
    # Arguments that may also be ASCII str (the a2b_* side).
    if isinstance(data, str):
        try:
            return data.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters") from None
    if isinstance(data, bytes):
        return data
    if isinstance(data, bytearray):
        return bytes(data)
    raise TypeError("argument should be bytes, buffer or ASCII string, not '%s'"
                    % type(data).__name__)


def hexlify(data, sep=None, bytes_per_sep=1):
    data = _binary_arg(data)
    out = bytearray()
    for byte in data:
        out.append(_HEXDIGITS[byte >> 4])
        out.append(_HEXDIGITS[byte & 15])
    if sep is None or not data:
        if sep is not None:
            _separator(sep)
        return bytes(out)
    sep = _separator(sep)
    if bytes_per_sep == 0:
        return bytes(out)
    group = abs(bytes_per_sep) * 2
    text = bytes(out)
    if bytes_per_sep > 0:
        # Groups are counted from the right: a short group, if any, comes first.
        first = len(text) % group
        pieces = [text[:first]] if first else []
        pieces += [text[i:i + group] for i in range(first, len(text), group)]
    else:
        pieces = [text[i:i + group] for i in range(0, len(text), group)]
    return sep.join(pieces)


def _separator(sep):
    if isinstance(sep, str):
        try:
            sep = sep.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("sep must be ASCII.") from None
    elif isinstance(sep, (bytes, bytearray)):
        sep = bytes(sep)
    else:
        raise TypeError("sep must be str or bytes.")
    if len(sep) != 1:
        raise ValueError("sep must be length 1.")
    return sep


def b2a_hex(data, sep=None, bytes_per_sep=1):
    return hexlify(data, sep, bytes_per_sep)


def unhexlify(hexstr):
    data = _ascii_arg(hexstr)
    if len(data) % 2:
        raise Error("Odd-length string")
    out = bytearray()
    for i in range(0, len(data), 2):
        high = _HEXVALUES[data[i]]
        low = _HEXVALUES[data[i + 1]]
        if high < 0 or low < 0:
            raise Error("Non-hexadecimal digit found")
        out.append(high * 16 + low)
    return bytes(out)


def a2b_hex(hexstr):
    return unhexlify(hexstr)


def b2a_base64(data, *, newline=True):
    data = _binary_arg(data)
    out = bytearray()
    chars = _B64CHARS
    full = len(data) - len(data) % 3
    for i in range(0, full, 3):
        word = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out.append(chars[word >> 18])
        out.append(chars[(word >> 12) & 63])
        out.append(chars[(word >> 6) & 63])
        out.append(chars[word & 63])
    rest = len(data) - full
    if rest == 1:
        word = data[full] << 16
        out += bytes([chars[word >> 18], chars[(word >> 12) & 63]]) + b"=="
    elif rest == 2:
        word = (data[full] << 16) | (data[full + 1] << 8)
        out += bytes([chars[word >> 18], chars[(word >> 12) & 63], chars[(word >> 6) & 63]]) + b"="
    if newline:
        out.append(10)
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    data = _ascii_arg(data)
    out = bytearray()
    if strict_mode and data[:1] == b"=":
        raise Error("Leading padding not allowed")
    quad = 0          # position inside the current group of four characters
    bits = 0
    pads = 0
    padding_started = False
    count = 0         # data characters seen
    finished = False
    n = len(data)
    i = 0
    while i < n:
        c = data[i]
        if c == 61:  # '='
            padding_started = True
            pads += 1
            if quad >= 2 and quad + pads >= 4:
                if strict_mode and i + 1 < n:
                    raise Error("Excess data after padding")
                finished = True
                break
            i += 1
            continue
        value = _B64VALUES[c]
        if value < 0:
            if strict_mode:
                raise Error("Only base64 data is allowed")
            i += 1
            continue
        if strict_mode and padding_started:
            raise Error("Discontinuous padding not allowed")
        pads = 0
        count += 1
        if quad == 0:
            bits = value
            quad = 1
        elif quad == 1:
            out.append(((bits << 2) | (value >> 4)) & 255)
            bits = value & 15
            quad = 2
        elif quad == 2:
            out.append(((bits << 4) | (value >> 2)) & 255)
            bits = value & 3
            quad = 3
        else:
            out.append(((bits << 6) | value) & 255)
            quad = 0
        i += 1
    if not finished and quad != 0:
        if quad == 1:
            raise Error("Invalid base64-encoded string: number of data characters (%d) cannot be"
                        " 1 more than a multiple of 4" % count)
        raise Error("Incorrect padding")
    return bytes(out)


def _crc32_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


def _crc_hqx_table():
    table = []
    for n in range(256):
        c = n << 8
        for _ in range(8):
            c = ((c << 1) ^ 0x1021) & 0xFFFF if c & 0x8000 else (c << 1) & 0xFFFF
        table.append(c)
    return table


_CRC32 = _crc32_table()
_CRC_HQX = _crc_hqx_table()


def _unsigned_arg(value, bits):
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return value & ((1 << bits) - 1)


def crc32(data, crc=0):
    data = _binary_arg(data)
    table = _CRC32
    c = _unsigned_arg(crc, 32) ^ 0xFFFFFFFF
    for byte in data:
        c = table[(c ^ byte) & 255] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def crc_hqx(data, crc):
    data = _binary_arg(data)
    table = _CRC_HQX
    c = _unsigned_arg(crc, 16)
    for byte in data:
        c = ((c << 8) & 0xFF00) ^ table[(c >> 8) ^ byte]
    return c
