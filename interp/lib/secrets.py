"""Tokens and choices for secrets, after CPython 3.11's secrets module.

Written for gilsim in Python; every draw reads os.urandom. SystemRandom here is a subclass of
random.SystemRandom (so of random.Random) whose draws come from os.urandom; CPython's
secrets.SystemRandom is random.SystemRandom itself.
"""

import base64
import binascii
import os
import random as _random

__all__ = ["choice", "randbelow", "randbits", "SystemRandom", "token_bytes", "token_hex",
           "token_urlsafe", "compare_digest"]


class SystemRandom(_random.SystemRandom):
    """random.SystemRandom drawing from os.urandom."""

    def random(self):
        return (int.from_bytes(os.urandom(7), "big") >> 3) * (2 ** -53)

    def getrandbits(self, k):
        if not isinstance(k, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(k).__name__)
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        count = (k + 7) // 8
        value = int.from_bytes(os.urandom(count), "big")
        return value >> (count * 8 - k)

    def _randbelow(self, n):
        bits = n.bit_length()
        r = self.getrandbits(bits)
        while r >= n:
            r = self.getrandbits(bits)
        return r

    def randbytes(self, n):
        return os.urandom(n)


_sysrand = SystemRandom()
randbits = _sysrand.getrandbits
choice = _sysrand.choice

DEFAULT_ENTROPY = 32


def randbelow(exclusive_upper_bound):
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    return _sysrand._randbelow(exclusive_upper_bound)


def token_bytes(nbytes=None):
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return os.urandom(nbytes)


def token_hex(nbytes=None):
    return binascii.hexlify(token_bytes(nbytes)).decode("ascii")


def token_urlsafe(nbytes=None):
    return base64.urlsafe_b64encode(token_bytes(nbytes)).rstrip(b"=").decode("ascii")


def compare_digest(a, b):
    """Compare without an early exit on the first difference (hmac.compare_digest)."""
    if isinstance(a, str) and isinstance(b, str):
        if not a.isascii() or not b.isascii():
            raise TypeError("comparing strings with non-ASCII characters is not supported")
        a = a.encode("ascii")
        b = b.encode("ascii")
    elif isinstance(a, (bytes, bytearray)) or isinstance(b, (bytes, bytearray)):
        for value in (a, b):
            if not isinstance(value, (bytes, bytearray)):
                raise TypeError("a bytes-like object is required, not '%s'"
                                % type(value).__name__)
        a = bytes(a)
        b = bytes(b)
    else:
        raise TypeError("unsupported operand types(s) or combination of types: '%s' and '%s'"
                        % (type(a).__name__, type(b).__name__))
    result = len(a) ^ len(b)
    other = b if len(a) == len(b) else a
    for x, y in zip(a, other):
        result |= x ^ y
    return result == 0
