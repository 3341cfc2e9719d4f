"""glob: file names matching shell patterns, in os.listdir's order (not sorted), as CPython.

Written for gilsim after CPython 3.11's documented semantics: `**` with recursive=True,
names that start with '.' matched only by patterns that start with '.' (unless
include_hidden=True), root_dir, escape, has_magic. dir_fd is not supported.
"""

import os
import re
import fnmatch

__all__ = ["glob", "iglob", "escape", "has_magic"]

_magic = re.compile("([*?[])")


def has_magic(s):
    return _magic.search(s) is not None


def escape(pathname):
    drive, pathname = os.path.splitdrive(pathname)
    return drive + _magic.sub(r"[\1]", pathname)


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                      include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    if dir_fd is not None:
        raise NotImplementedError("glob's dir_fd is not supported by gilsim")
    pathname = os.fspath(pathname)
    root_dir = "" if root_dir is None else os.fspath(root_dir)
    it = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or (recursive and pathname[:2] == "**"):
        # `**` first yields '' for its own directory: leave it out.
        try:
            first = next(it)
        except StopIteration:
            return iter(())
        if first:
            return _chain(first, it)
    return it


def _chain(first, rest):
    yield first
    yield from rest


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if os.path.lexists(_join(root_dir, pathname)):
                yield pathname
        elif os.path.isdir(_join(root_dir, dirname)):
            yield pathname  # a pattern that ends with '/' matches directories only
        return
    if not dirname:
        if recursive and basename == "**":
            yield from _glob2(root_dir, basename, dironly, include_hidden)
        else:
            yield from _glob1(root_dir, basename, dironly, include_hidden)
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and basename == "**":
            in_dir = _glob2
        else:
            in_dir = _glob1
    else:
        in_dir = _glob0
    for dirname in dirs:
        for name in in_dir(_join(root_dir, dirname), basename, dironly, include_hidden):
            yield os.path.join(dirname, name)


def _glob1(dirname, pattern, dironly, include_hidden):
    names = _listdir(dirname, dironly)
    if not (include_hidden or pattern.startswith(".")):
        names = [x for x in names if not x.startswith(".")]
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden):
    if basename:
        if os.path.lexists(_join(dirname, basename)):
            return [basename]
    elif os.path.isdir(dirname):
        return [basename]
    return []


def _glob2(dirname, pattern, dironly, include_hidden):
    yield ""
    yield from _rlistdir(dirname, dironly, include_hidden)


def _listdir(dirname, dironly):
    names = []
    try:
        for entry in os.scandir(dirname or os.curdir):
            try:
                if not dironly or entry.is_dir():
                    names.append(entry.name)
            except OSError:
                pass
    except OSError:
        return []
    return names


def _rlistdir(dirname, dironly, include_hidden):
    for x in _listdir(dirname, dironly):
        if include_hidden or not x.startswith("."):
            yield x
            path = _join(dirname, x) if dirname else x
            for y in _rlistdir(path, dironly, include_hidden):
                yield _join(x, y)


def _join(dirname, basename):
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)
