"""fnmatch: Unix shell-style wildcards (*, ?, [seq], [!seq]) matched through re.

Written for gilsim after CPython 3.11's documented semantics: translate() gives the same
regular expression text as CPython 3.11 (atomic groups between stars, `(?s:...)\\Z`).
"""

import os
import posixpath
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}
_CACHE_MAX = 256


def _compiled(pat):
    matcher = _cache.get(pat)
    if matcher is None:
        if len(_cache) >= _CACHE_MAX:
            _cache.clear()
        # re.DOTALL as well: gilsim's re does not yet apply a scoped (?s:...) to '.'.
        matcher = re.compile(translate(pat), re.DOTALL).match
        _cache[pat] = matcher
    return matcher


def fnmatch(name, pat):
    """Whether name matches the shell pattern pat (case as os.path.normcase leaves it)."""
    name = posixpath.normcase(name)
    pat = posixpath.normcase(pat)
    return fnmatchcase(name, pat)


def fnmatchcase(name, pat):
    """Whether name matches pat, case-sensitively."""
    return _compiled(pat)(name) is not None


def filter(names, pat):
    """The names of the iterable names that match pat."""
    match = _compiled(posixpath.normcase(pat))
    return [name for name in names if match(posixpath.normcase(name))]


_STAR = object()
_SETOPS = re.compile(r"([&~|])")


def _bracket(pat, start, end):
    """The regex class for pat[start:end], the text between '[' and ']'."""
    body = pat[start:end]
    if "-" not in body:
        text = body.replace("\\", r"\\")
    else:
        # Split at the hyphens that do not start the body ('!' aside) and do not follow
        # a range just made: each piece ends (or starts) a range.
        pieces = []
        lo = start
        search = start + 2 if pat[start] == "!" else start + 1
        while True:
            hyphen = pat.find("-", search, end)
            if hyphen < 0:
                break
            pieces.append(pat[lo:hyphen])
            lo = hyphen + 1
            search = hyphen + 3
        last = pat[lo:end]
        if last:
            pieces.append(last)
        else:
            pieces[-1] += "-"
        # A range whose ends are reversed is empty: drop it, joining its neighbours.
        k = len(pieces) - 1
        while k > 0:
            if pieces[k - 1][-1] > pieces[k][0]:
                pieces[k - 1] = pieces[k - 1][:-1] + pieces[k][1:]
                del pieces[k]
            k -= 1
        text = "-".join(p.replace("\\", r"\\").replace("-", r"\-") for p in pieces)
    text = _SETOPS.sub(r"\\\1", text)
    if not text:
        return "(?!)"  # an empty class matches nothing
    if text == "!":
        return "."  # [!] negates nothing: any character
    if text[0] == "!":
        text = "^" + text[1:]
    elif text[0] in ("^", "["):
        text = "\\" + text
    return "[" + text + "]"


def translate(pat):
    """The regular expression text that matches what the shell pattern pat matches."""
    pieces = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not pieces or pieces[-1] is not _STAR:
                pieces.append(_STAR)
        elif c == "?":
            pieces.append(".")
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                pieces.append("\\[")
            else:
                pieces.append(_bracket(pat, i, j))
                i = j + 1
        else:
            pieces.append(re.escape(c))
    # The text before the first star is fixed; each star then eats as little as it can
    # before the next fixed run (an atomic group: no backtracking), the last one eats all.
    out = []
    i = 0
    n = len(pieces)
    while i < n and pieces[i] is not _STAR:
        out.append(pieces[i])
        i += 1
    while i < n:
        i += 1  # the star
        if i == n:
            out.append(".*")
            break
        fixed = []
        while i < n and pieces[i] is not _STAR:
            fixed.append(pieces[i])
            i += 1
        fixed = "".join(fixed)
        if i == n:
            out.append(".*")
            out.append(fixed)
        else:
            out.append("(?>.*?" + fixed + ")")
    return "(?s:" + "".join(out) + ")\\Z"
