"""hashlib: message digests (md5, sha1, sha2, sha3, shake, blake2) over the native _hashlib,
which is OpenSSL's; an update of 2,048 bytes or more gives the GIL up (reason `cext`), as in
CPython, so threads hashing large buffers run in parallel.

Not supported by gilsim: blake2b/blake2s parameters other than the data (digest_size, key,
salt, person, ...), scrypt, and hmac-based helpers beyond pbkdf2_hmac.
"""

import _hashlib
from _hashlib import pbkdf2_hmac

algorithms_guaranteed = frozenset(_hashlib.openssl_md_meth_names)
algorithms_available = frozenset(_hashlib.openssl_md_meth_names)

__all__ = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake2b", "blake2s",
           "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256", "new",
           "algorithms_guaranteed", "algorithms_available", "pbkdf2_hmac", "file_digest")


def new(name, data=b"", **kwargs):
    return _hashlib.new(name, data, **kwargs)


def _constructor(name):
    def construct(data=b"", *, usedforsecurity=True, string=None):
        if string is not None:
            data = string
        return _hashlib.new(name, data)
    construct.__name__ = "openssl_" + name
    construct.__qualname__ = "openssl_" + name
    return construct


md5 = _constructor("md5")
sha1 = _constructor("sha1")
sha224 = _constructor("sha224")
sha256 = _constructor("sha256")
sha384 = _constructor("sha384")
sha512 = _constructor("sha512")
sha3_224 = _constructor("sha3_224")
sha3_256 = _constructor("sha3_256")
sha3_384 = _constructor("sha3_384")
sha3_512 = _constructor("sha3_512")
shake_128 = _constructor("shake_128")
shake_256 = _constructor("shake_256")


def _blake2(name, default_size):
    def construct(data=b"", *, digest_size=default_size, usedforsecurity=True, **parameters):
        if digest_size != default_size or parameters:
            raise ValueError("gilsim's hashlib.%s supports no parameters but the data" % name)
        return _hashlib.new(name, data)
    construct.__name__ = name
    construct.__qualname__ = name
    return construct


blake2b = _blake2("blake2b", 64)
blake2s = _blake2("blake2s", 32)


def file_digest(fileobj, digest, /, *, _bufsize=2 ** 18):
    """The digest of a binary file object read to its end, as CPython 3.11's."""
    digestobj = new(digest) if isinstance(digest, str) else digest()
    if not hasattr(fileobj, "read"):
        raise ValueError("'%s' object is not a binary file object" % type(fileobj).__name__)
    while True:
        chunk = fileobj.read(_bufsize)
        if not chunk:
            break
        digestobj.update(chunk)
    return digestobj
