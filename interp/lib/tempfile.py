"""tempfile: temporary files and directories with unpredictable names.

Written for gilsim after CPython 3.11's documented semantics: gettempdir (TMPDIR, TEMP, TMP,
then /tmp, /var/tmp, /usr/tmp, the current directory), mkstemp, mkdtemp (mode 0o700),
TemporaryDirectory, NamedTemporaryFile, TemporaryFile, SpooledTemporaryFile. gilsim's os has
no os.open, so files are made with open(name, 'x') (exclusive) and get the umask's mode rather
than 0o600; TemporaryFile's .name is its path (unlinked), not its descriptor.
"""

import os
import io
import errno
import random
import shutil

__all__ = ["NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile",
           "TemporaryDirectory", "mkstemp", "mkdtemp", "mktemp", "TMP_MAX",
           "gettempprefix", "tempdir", "gettempdir", "gettempprefixb", "gettempdirb"]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_rng = None
_rng_pid = None


def _random_name():
    global _rng, _rng_pid
    pid = os.getpid()
    if _rng is None or _rng_pid != pid:  # a forked child draws names of its own
        _rng = random.Random(os.urandom(16))
        _rng_pid = pid
    return "".join(_rng.choice(_CHARACTERS) for _ in range(8))


def _candidate_tempdirs():
    dirlist = []
    for name in ("TMPDIR", "TEMP", "TMP"):
        value = os.getenv(name)
        if value:
            dirlist.append(value)
    dirlist.extend(["/tmp", "/var/tmp", "/usr/tmp"])
    try:
        dirlist.append(os.getcwd())
    except OSError:
        dirlist.append(os.curdir)
    return dirlist


def _get_default_tempdir():
    for directory in _candidate_tempdirs():
        if directory != os.curdir:
            directory = os.path.abspath(directory)
        for _ in range(100):
            filename = os.path.join(directory, _random_name())
            try:
                with open(filename, "xb") as f:
                    f.write(b"blat")
                os.unlink(filename)
                return directory
            except FileExistsError:
                pass
            except PermissionError:
                break
            except OSError:
                break
    raise FileNotFoundError(errno.ENOENT, "No usable temporary directory found in %s"
                            % _candidate_tempdirs())


def gettempprefix():
    return template


def gettempprefixb():
    return os.fsencode(template)


def gettempdir():
    global tempdir
    if tempdir is None:
        tempdir = _get_default_tempdir()
    return tempdir


def gettempdirb():
    return os.fsencode(gettempdir())


def _sanitize(suffix, prefix, dir):
    if suffix is None:
        suffix = ""
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return suffix, prefix, os.fspath(dir)


_keep_open = {}  # mkstemp's file objects by descriptor (gilsim has no os.open)


def _create(dir, prefix, suffix, binary_mode="xb"):
    for _ in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        try:
            f = open(name, binary_mode)
        except FileExistsError:
            continue
        return f, name
    raise FileExistsError(errno.EEXIST, "No usable temporary file name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """A new file, opened: (descriptor, absolute path). Close the descriptor with os.close."""
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    f, name = _create(dir, prefix, suffix)
    fd = f.fileno()
    _keep_open[fd] = f  # the descriptor stays open while the caller has it
    return fd, os.path.abspath(name)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """A new directory (mode 0o700): its path."""
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    for _ in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        try:
            os.mkdir(name, 0o700)
        except FileExistsError:
            continue
        return name
    raise FileExistsError(errno.EEXIST, "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """A name that did not exist when asked (unsafe, as in CPython)."""
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        if not os.path.lexists(name):
            return name
    raise FileExistsError(errno.EEXIST, "No usable temporary filename found")


def _open_args(mode, buffering, encoding, newline, errors):
    kwargs = {}
    if buffering != -1:
        kwargs["buffering"] = buffering
    if encoding is not None:
        kwargs["encoding"] = encoding
    if newline is not None:
        kwargs["newline"] = newline
    if errors is not None:
        kwargs["errors"] = errors
    return kwargs


def _make_file(mode, buffering, encoding, newline, suffix, prefix, dir, errors):
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    created, name = _create(dir, prefix, suffix)
    created.close()
    try:
        # The name is ours (made exclusively); 'w' must not truncate what is not there.
        f = open(name, mode.replace("x", "w"), **_open_args(mode, buffering, encoding,
                                                            newline, errors))
    except BaseException:
        os.unlink(name)
        raise
    return f, name


class _TemporaryFileWrapper:
    """NamedTemporaryFile's object: the file's methods, .name, .file, .delete, and removal of
    the file on close when delete is true."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        file = self.__dict__["file"]
        return getattr(file, name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()
        return None

    def close(self):
        if not self._closed:
            self._closed = True
            try:
                self.file.close()
            finally:
                if self.delete:
                    try:
                        os.unlink(self.name)
                    except FileNotFoundError:
                        pass

    @property
    def closed(self):
        return self.file.closed

    def __iter__(self):
        return iter(self.file)

    def __repr__(self):
        return "<tempfile._TemporaryFileWrapper object for %r>" % (self.name,)


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    f, name = _make_file(mode, buffering, encoding, newline, suffix, prefix, dir, errors)
    return _TemporaryFileWrapper(f, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                  prefix=None, dir=None, *, errors=None):
    """An open file with no name left in the file system."""
    f, name = _make_file(mode, buffering, encoding, newline, suffix, prefix, dir, errors)
    os.unlink(name)
    return f


class SpooledTemporaryFile:
    """Data kept in memory (BytesIO/StringIO) until it grows past max_size or fileno() is
    asked for; then it moves to a TemporaryFile."""

    def __init__(self, max_size=0, mode="w+b", buffering=-1, encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        if "b" in mode:
            self._file = io.BytesIO()
        else:
            self._file = io.StringIO()
        self._max_size = max_size
        self._rolled = False
        self._TemporaryFileArgs = {"mode": mode, "buffering": buffering, "suffix": suffix,
                                   "prefix": prefix, "encoding": encoding,
                                   "newline": newline, "dir": dir, "errors": errors}
        self._mode = mode

    def _check(self, file):
        if self._rolled:
            return
        if self._max_size and file.tell() > self._max_size:
            self.rollover()

    def rollover(self):
        if self._rolled:
            return
        file = self._file
        newfile = self._file = TemporaryFile(**self._TemporaryFileArgs)
        newfile.write(file.getvalue())
        newfile.seek(file.tell(), 0)
        self._rolled = True

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return iter(self._file)

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def mode(self):
        if self._rolled:
            return self._file.mode
        return self._mode

    @property
    def name(self):
        if self._rolled:
            return self._file.name
        return None

    @property
    def encoding(self):
        if self._rolled:
            return self._file.encoding
        return self._TemporaryFileArgs["encoding"]

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def isatty(self):
        return False if not self._rolled else self._file.isatty()

    def read(self, *args):
        return self._file.read(*args)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            self._file.truncate()
        else:
            if self._max_size and size > self._max_size:
                self.rollover()
            self._file.truncate(size)

    def write(self, s):
        file = self._file
        rv = file.write(s)
        self._check(file)
        return rv

    def writelines(self, iterable):
        file = self._file
        rv = file.writelines(iterable)
        self._check(file)
        return rv

    def readable(self):
        return self._file.readable()

    def seekable(self):
        return self._file.seekable()

    def writable(self):
        return self._file.writable()


class TemporaryDirectory:
    """A directory made by mkdtemp, removed (with what it holds) by cleanup() or on leaving
    the with block; `with` gives its name."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if not self._done and os.path.lexists(self.name):
            self._done = True
            shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
        self._done = True
