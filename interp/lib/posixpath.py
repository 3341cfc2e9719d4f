"""os.path for POSIX: pure path arithmetic plus the few queries that stat the file system.

Written for gilsim after CPython 3.11's posixpath (same results, same errors for str paths;
bytes paths are not supported). The native os module imports this module while it is being
built, so os is imported inside the functions that need it, never at the top.
"""

__all__ = ["join", "split", "basename", "dirname", "splitext", "normpath", "abspath", "isabs",
           "exists", "lexists", "isfile", "isdir", "islink", "getsize", "getmtime", "getatime",
           "getctime", "expanduser", "relpath", "commonprefix", "sep", "curdir", "pardir",
           "normcase", "splitdrive", "samestat", "samefile", "expandvars", "realpath"]

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
pathsep = ":"
altsep = None
devnull = "/dev/null"

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _check(function, *paths):
    for path in paths:
        if not isinstance(path, str):
            if isinstance(path, bytes):
                raise TypeError("gilsim's os.path supports str paths only, not bytes")
            raise TypeError("%s() argument must be str, bytes, or os.PathLike object, not '%s'"
                            % (function, type(path).__name__))


def isabs(s):
    _check("isabs", s)
    return s.startswith(sep)


def join(a, *p):
    _check("join", a, *p)
    path = a
    for b in p:
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def split(p):
    _check("split", p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def basename(p):
    _check("basename", p)
    return p[p.rfind(sep) + 1:]


def dirname(p):
    return split(p)[0]


def splitext(p):
    # The extension starts at the last dot of the last component, unless every character
    # before that dot in the component is a dot too (".bashrc" has no extension).
    _check("splitext", p)
    slash = p.rfind(sep)
    dot = p.rfind(extsep)
    if dot > slash:
        start = slash + 1
        while start < dot:
            if p[start] != extsep:
                return p[:dot], p[dot:]
            start += 1
    return p, p[:0]


def normpath(path):
    _check("normpath", path)
    if path == "":
        return curdir
    leading = 0
    if path.startswith(sep):
        # POSIX lets exactly two leading slashes mean something else; three or more mean one.
        leading = 2 if path.startswith("//") and not path.startswith("///") else 1
    kept = []
    for part in path.split(sep):
        if part in ("", curdir):
            continue
        if part != pardir or (not leading and not kept) or (kept and kept[-1] == pardir):
            kept.append(part)
        elif kept:
            kept.pop()
    result = sep * leading + sep.join(kept)
    return result or curdir


def abspath(path):
    _check("abspath", path)
    if not isabs(path):
        import os
        path = join(os.getcwd(), path)
    return normpath(path)


def _stat(path, follow=True):
    import os
    return os.stat(path) if follow else os.lstat(path)


def _mode_is(path, kind, follow=True):
    try:
        return (_stat(path, follow).st_mode & _S_IFMT) == kind
    except (OSError, ValueError, TypeError):
        return False


def exists(path):
    try:
        _stat(path)
    except (OSError, ValueError, TypeError):
        return False
    return True


def lexists(path):
    try:
        _stat(path, False)
    except (OSError, ValueError, TypeError):
        return False
    return True


def isfile(path):
    return _mode_is(path, _S_IFREG)


def isdir(s):
    return _mode_is(s, _S_IFDIR)


def islink(path):
    return _mode_is(path, _S_IFLNK, False)


def getsize(filename):
    return _stat(filename).st_size


def getmtime(filename):
    return _stat(filename).st_mtime


def getatime(filename):
    return _stat(filename).st_atime


def getctime(filename):
    return _stat(filename).st_ctime


def expanduser(path):
    _check("expanduser", path)
    if not path.startswith("~"):
        return path
    end = path.find(sep, 1)
    if end < 0:
        end = len(path)
    if end != 1:
        # ~user needs the password database, which gilsim does not read.
        raise NotImplementedError("os.path.expanduser('~user') is not supported by gilsim")
    import os
    home = os.environ.get("HOME")
    if home is None:
        return path
    home = home.rstrip(sep)
    return (home + path[end:]) or sep


def commonprefix(m):
    if not m:
        return ""
    low = min(m)
    high = max(m)
    for i, c in enumerate(low):
        if c != high[i]:
            return low[:i]
    return low


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    if start is None:
        start = curdir
    _check("relpath", path, start)
    start_parts = [x for x in abspath(start).split(sep) if x]
    path_parts = [x for x in abspath(path).split(sep) if x]
    common = len(commonprefix([start_parts, path_parts]))
    parts = [pardir] * (len(start_parts) - common) + path_parts[common:]
    if not parts:
        return curdir
    return join(*parts)


def normcase(s):
    if not isinstance(s, str):
        import os
        s = os.fspath(s)
        _check("normcase", s)
    return s


def splitdrive(p):
    _check("splitdrive", p)
    return p[:0], p


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    import os
    return samestat(os.stat(f1), os.stat(f2))


def expandvars(path):
    """$name and ${name} replaced by the environment's values; unknown names are left."""
    _check("expandvars", path)
    if "$" not in path:
        return path
    import os
    import re
    global _varprog
    if _varprog is None:
        _varprog = re.compile(r"\$(\w+|\{[^}]*\})", re.ASCII)
    i = 0
    while True:
        m = _varprog.search(path, i)
        if not m:
            break
        i, j = m.span(0)
        name = m.group(1)
        if name.startswith("{") and name.endswith("}"):
            name = name[1:-1]
        if name in os.environ:
            tail = path[j:]
            path = path[:i] + os.environ[name]
            i = len(path)
            path += tail
        else:
            i = j
    return path


_varprog = None


def realpath(filename, *, strict=False):
    """filename made absolute with its symbolic links resolved (through os.readlink, where
    gilsim's os has it) and '.'/'..' removed; strict=True raises for a missing component."""
    import os
    filename = os.fspath(filename)
    _check("realpath", filename)
    path, ok = _joinrealpath("", filename, strict, {})
    return abspath(path)


def _joinrealpath(path, rest, strict, seen):
    import os
    if isabs(rest):
        rest = rest[1:]
        path = sep
    while rest:
        name, _, rest = rest.partition(sep)
        if not name or name == curdir:
            continue
        if name == pardir:
            if path:
                path, name = split(path)
                if name == pardir:
                    path = join(path, pardir, pardir)
            else:
                path = pardir
            continue
        newpath = join(path, name)
        try:
            st = os.lstat(newpath)
        except OSError:
            if strict:
                raise
            is_link = False
        else:
            is_link = (st.st_mode & _S_IFMT) == _S_IFLNK
        if not is_link or not hasattr(os, "readlink"):
            path = newpath
            continue
        if newpath in seen:
            path = seen[newpath]
            if path is not None:
                continue
            if strict:
                os.stat(newpath)  # raises the loop's OSError
            return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _joinrealpath(path, os.readlink(newpath), strict, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True
