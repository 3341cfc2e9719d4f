"""pathlib: object-oriented file system paths (POSIX flavour).

Written for gilsim after CPython 3.11's documented semantics, reprs and messages: PurePath,
PurePosixPath, Path, PosixPath. Windows paths are not supported (WindowsPath cannot be made
here, as in CPython on POSIX; PureWindowsPath says it is not supported).
"""

import os
import re
import fnmatch
import posixpath

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath",
           "WindowsPath"]

_S_IFMT = 0o170000


def _parse(args):
    """(root, parts) for the joined arguments; parts leave out the root."""
    root = ""
    parts = []
    for a in args:
        if isinstance(a, PurePath):
            if a._root:
                root = a._root
                parts = list(a._tail)
            else:
                parts.extend(a._tail)
            continue
        a = os.fspath(a)
        if not isinstance(a, str):
            raise TypeError("argument should be a str object or an os.PathLike object "
                            "returning str, not %r" % (type(a),))
        if a.startswith("/"):
            root = "//" if a.startswith("//") and not a.startswith("///") else "/"
            parts = []
        for x in a.split("/"):
            if x and x != ".":
                parts.append(x)
    return root, parts


class PurePath:
    """A path without file system access. PurePath(...) makes a PurePosixPath."""

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_args(args)

    @classmethod
    def _from_args(cls, args):
        root, parts = _parse(args)
        return cls._from_parsed(root, parts)

    @classmethod
    def _from_parsed(cls, root, parts):
        self = object.__new__(cls)
        self._root = root
        self._tail = tuple(parts)
        self._str = None
        return self

    def _new(self, root, parts):
        return type(self)._from_parsed(root, parts)

    def __str__(self):
        if self._str is None:
            self._str = (self._root + "/".join(self._tail)) or "."
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(str(self))

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        safe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/"
        out = []
        for byte in str(self).encode("utf-8"):
            c = chr(byte)
            out.append(c if c in safe else "%%%02X" % byte)
        return "file://" + "".join(out)

    @property
    def _cparts(self):
        return ((self._root,) if self._root else ()) + self._tail

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cparts == other._cparts

    def __ne__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cparts != other._cparts

    def __hash__(self):
        return hash(self._cparts)

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cparts < other._cparts

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cparts <= other._cparts

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cparts > other._cparts

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cparts >= other._cparts

    @property
    def drive(self):
        return ""

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        return self._cparts

    @property
    def name(self):
        return self._tail[-1] if self._tail else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        root, parts = _parse((name,))
        if not name or name[-1] == "/" or root or len(parts) != 1:
            raise ValueError("Invalid name %r" % (name,))
        return self._new(self._root, self._tail[:-1] + (name,))

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if "/" in suffix:
            raise ValueError("Invalid suffix %r" % (suffix,))
        if suffix and not suffix.startswith(".") or suffix == ".":
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        if not old:
            name = name + suffix
        else:
            name = name[:-len(old)] + suffix
        return self._new(self._root, self._tail[:-1] + (name,))

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        to_root, to_parts = _parse(other)
        mine = self._cparts
        theirs = ((to_root,) if to_root else ()) + tuple(to_parts)
        n = len(theirs)
        if (bool(self._root) if n == 0 else mine[:n] != theirs):
            formatted = to_root + "/".join(to_parts)
            raise ValueError("{!r} is not in the subpath of {!r}"
                             " OR one path is relative and the other is absolute."
                             .format(str(self), formatted))
        return self._new("", mine[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def joinpath(self, *args):
        return type(self)._from_args((self,) + args)

    def __truediv__(self, key):
        try:
            return type(self)._from_args((self, key))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)._from_args((key, self))
        except TypeError:
            return NotImplemented

    @property
    def parent(self):
        if not self._tail:
            return self
        return self._new(self._root, self._tail[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def match(self, path_pattern):
        root, pat_parts = _parse((path_pattern,))
        if not root and not pat_parts:
            raise ValueError("empty pattern")
        if root and root != self._root:
            return False
        parts = self._tail
        if root:
            if len(pat_parts) != len(parts):
                return False
        elif len(pat_parts) > len(parts):
            return False
        for part, pat in zip(reversed(parts), reversed(pat_parts)):
            if not fnmatch.fnmatchcase(part, pat):
                return False
        return True


class _PathParents:
    """The logical ancestors of a path: a sequence."""

    def __init__(self, path):
        self._path = path
        self._root = path._root
        self._tail = path._tail

    def __len__(self):
        return len(self._tail)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(len(self))))
        if idx >= len(self) or idx < -len(self):
            raise IndexError(idx)
        if idx < 0:
            idx += len(self)
        return self._path._new(self._root, self._tail[:-idx - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __contains__(self, item):
        for p in self:
            if p == item:
                return True
        return False

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePosixPath(PurePath):
    """A pure path of the POSIX flavour."""


class PureWindowsPath(PurePath):
    def __new__(cls, *args):
        raise NotImplementedError("PureWindowsPath is not supported by gilsim")


def _ignore_error(e):
    return (getattr(e, "errno", None) in (2, 20, 9, 40)) or isinstance(e, FileNotFoundError)


class Path(PurePath):
    """A path with file system access. Path(...) makes a PosixPath."""

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_args(args)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls("~").expanduser()

    def _child(self, name):
        return self._new(self._root, self._tail + (name,))

    def samefile(self, other_path):
        st = self.stat()
        if not isinstance(other_path, Path):
            other_path = type(self)(other_path)
        return posixpath.samestat(st, other_path.stat())

    def iterdir(self):
        for name in os.listdir(str(self)):
            yield self._child(name)

    def glob(self, pattern):
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        root, parts = _parse((pattern,))
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        if pattern[-1] == "/":
            parts.append("")
        return _select(self, tuple(parts))

    def rglob(self, pattern):
        root, parts = _parse((pattern,))
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        if pattern and pattern[-1] == "/":
            parts.append("")
        return _select(self, ("**",) + tuple(parts))

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)._from_args((os.getcwd(), self))

    def resolve(self, strict=False):
        return type(self)(os.path.realpath(str(self), strict=strict))

    def stat(self, *, follow_symlinks=True):
        return os.stat(str(self)) if follow_symlinks else os.lstat(str(self))

    def lstat(self):
        return os.lstat(str(self))

    def owner(self):
        raise NotImplementedError("Path.owner() is not supported by gilsim (no pwd module)")

    def group(self):
        raise NotImplementedError("Path.group() is not supported by gilsim (no grp module)")

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        kwargs = {}
        if buffering != -1:
            kwargs["buffering"] = buffering
        if encoding is not None:
            kwargs["encoding"] = encoding
        if errors is not None:
            kwargs["errors"] = errors
        if newline is not None:
            kwargs["newline"] = newline
        return open(str(self), mode, **kwargs)

    def read_bytes(self):
        with self.open(mode="rb") as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(mode="r", encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        data = bytes(data)
        with self.open(mode="wb") as f:
            return f.write(data)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % data.__class__.__name__)
        with self.open(mode="w", encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok:
            if hasattr(os, "utime"):
                try:
                    os.utime(str(self), None)
                    return
                except OSError:
                    pass
            elif self.exists():
                return  # gilsim's os has no utime: the times stay as they are
            open(str(self), "ab").close()
        else:
            open(str(self), "xb").close()

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(str(self), mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def unlink(self, missing_ok=False):
        try:
            os.unlink(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(str(self))

    def rename(self, target):
        os.rename(str(self), os.fspath(target))
        return type(self)(target)

    def replace(self, target):
        os.replace(str(self), os.fspath(target))
        return type(self)(target)

    def chmod(self, mode, *, follow_symlinks=True):
        if not hasattr(os, "chmod"):
            raise NotImplementedError("Path.chmod() is not supported by gilsim (no os.chmod)")
        os.chmod(str(self), mode)

    def readlink(self):
        if not hasattr(os, "readlink"):
            raise NotImplementedError("Path.readlink() is not supported by gilsim "
                                      "(no os.readlink)")
        return type(self)(os.readlink(str(self)))

    def symlink_to(self, target, target_is_directory=False):
        if not hasattr(os, "symlink"):
            raise NotImplementedError("Path.symlink_to() is not supported by gilsim "
                                      "(no os.symlink)")
        os.symlink(os.fspath(target), str(self))

    def _mode(self, follow=True):
        try:
            return self.stat(follow_symlinks=follow).st_mode & _S_IFMT
        except OSError as e:
            if not _ignore_error(e):
                raise
            return None
        except ValueError:
            return None

    def exists(self):
        return self._mode() is not None

    def is_dir(self):
        return self._mode() == 0o040000

    def is_file(self):
        return self._mode() == 0o100000

    def is_symlink(self):
        return self._mode(False) == 0o120000

    def is_fifo(self):
        return self._mode() == 0o010000

    def is_socket(self):
        return self._mode() == 0o140000

    def is_block_device(self):
        return self._mode() == 0o060000

    def is_char_device(self):
        return self._mode() == 0o020000

    def is_mount(self):
        if not self.exists() or not self.is_dir():
            return False
        try:
            parent_dev = self.parent.stat().st_dev
        except OSError:
            return False
        st = self.stat()
        if st.st_dev != parent_dev:
            return True
        return st.st_ino == self.parent.stat().st_ino

    def expanduser(self):
        if not self._root and self._tail and self._tail[0][:1] == "~":
            homedir = os.path.expanduser(self._tail[0])
            if homedir[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            return type(self)._from_args((homedir,) + self._tail[1:])
        return self


class PosixPath(Path, PurePosixPath):
    """A concrete path of the POSIX flavour."""


class WindowsPath(Path, PureWindowsPath):
    def __new__(cls, *args, **kwargs):
        raise NotImplementedError("cannot instantiate %r on your system" % (cls.__name__,))


# glob's selectors, as functions: each yields the paths under parent that match parts.

def _select(parent, parts):
    if not parent.is_dir():
        return iter(())
    return _select_from(parent, parts)


def _is_wildcard(pat):
    return "*" in pat or "?" in pat or "[" in pat


def _scandir(path):
    return list(os.scandir(str(path)))


def _select_from(parent, parts):
    if not parts:
        yield parent
        return
    pat = parts[0]
    rest = parts[1:]
    if not pat:
        yield parent
        return
    dironly = bool(rest)
    if pat == "**":
        yielded = set()
        for start in _iterate_dirs(parent):
            for p in _select_from(start, rest):
                if p not in yielded:
                    yielded.add(p)
                    yield p
        return
    if "**" in pat:
        raise ValueError("Invalid pattern: '**' can only be an entire path component")
    if _is_wildcard(pat):
        match = re.compile(fnmatch.translate(pat), re.DOTALL).match
        try:
            entries = _scandir(parent)
        except PermissionError:
            return
        for entry in entries:
            if dironly:
                try:
                    if not entry.is_dir():
                        continue
                except OSError as e:
                    if not _ignore_error(e):
                        raise
                    continue
            name = entry.name
            if match(name):
                yield from _select_from(parent._child(name), rest)
        return
    path = parent._child(pat)
    if path.is_dir() if dironly else path.exists():
        yield from _select_from(path, rest)


def _iterate_dirs(parent):
    yield parent
    try:
        entries = _scandir(parent)
    except PermissionError:
        return
    for entry in entries:
        try:
            entry_is_dir = entry.is_dir()
        except OSError as e:
            if not _ignore_error(e):
                raise
            entry_is_dir = False
        if entry_is_dir and not entry.is_symlink():
            yield from _iterate_dirs(parent._child(entry.name))
