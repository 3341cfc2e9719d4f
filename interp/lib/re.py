"""Regular expressions: CPython 3.11's re API on gilsim's Boost.Regex engine (_gilsim_re).

A pattern in CPython's syntax is translated to Boost's Perl syntax ((?P<name>...) to
(?<name>...), (?P=name) to \\k<name>, \\Z to \\z, inline a/u flags dropped); everything else
(match objects, sub templates, split, findall, the empty-match rules of 3.7+) is done here as
CPython's sre does it. Not supported by gilsim, with an error saying so: bytes patterns,
re.LOCALE, re.DEBUG. \\w, \\d and \\s are ASCII-only in gilsim (CPython's are Unicode-aware for
str patterns), and IGNORECASE folds ASCII letters only.
"""

import _gilsim_re

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
           "compile", "purge", "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S",
           "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
           "UNICODE", "NOFLAG"]

NOFLAG = 0
I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64
DEBUG = 128
A = ASCII = 256

_FLAG_NAMES = [("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("MULTILINE", 8),
               ("DOTALL", 16), ("UNICODE", 32), ("VERBOSE", 64), ("DEBUG", 128)]
_INLINE_FLAGS = {"a": ASCII, "i": IGNORECASE, "L": LOCALE, "m": MULTILINE, "s": DOTALL,
                 "u": UNICODE, "x": VERBOSE}

_SEARCH, _MATCH, _FULLMATCH, _NONEMPTY = 0, 1, 2, 3


class error(Exception):
    """A pattern or template that does not compile."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
        Exception.__init__(self, msg)


def _ascii_letter(c):
    return "a" <= c <= "z" or "A" <= c <= "Z"


def _unsupported(what):
    return NotImplementedError("%s is not supported by gilsim's re" % what)


class _Translation:
    """CPython syntax -> Boost Perl syntax, with the group structure CPython reports."""

    def __init__(self, pattern, flags):
        self.flags = flags
        self.names = {}
        self.parents = [None]  # parents[g]: the group enclosing group g (None at the top)
        # The flags in force where the translation is, for the ^ $ . it spells out: a scoped
        # group (?s:...) or (?-m:...) changes them until its ')' (restore: depth -> flags).
        self.local = flags
        self.restore = {}
        self.text = self._translate(pattern)

    def _translate(self, p):
        out = []
        stack = []  # for each open paren: the group number it opened, or 0
        i = 0
        n = len(p)
        groups = 0
        while i < n:
            c = p[i]
            if c == "\\":
                if i + 1 >= n:
                    raise error("bad escape (end of pattern)", p, i)
                d = p[i + 1]
                if d == "Z":
                    out.append("\\z")
                elif d.isdigit() and d != "0" and (i + 2 >= n or not p[i + 2].isdigit()):
                    if int(d) > groups:
                        raise error("invalid group reference %s" % d, p, i + 1)
                    out.append("\\" + d)
                elif _ascii_letter(d) and d not in "AbBdDsSwWZafnrtvxuUN":
                    raise error("bad escape \\%s" % d, p, i)
                else:
                    out.append(c + d)
                i += 2
                continue
            if c == "[":
                j = i + 1
                if j < n and p[j] == "^":
                    j += 1
                if j < n and p[j] == "]":
                    j += 1
                while j < n and p[j] != "]":
                    j += 2 if p[j] == "\\" else 1
                if j >= n:
                    raise error("unterminated character set", p, i)
                out.append(p[i:j + 1].replace("[:", "[\\:"))
                i = j + 1
                continue
            if c == "(":
                if p.startswith("(?P<", i):
                    close = p.find(">", i)
                    name = p[i + 4:close] if close > 0 else ""
                    if close < 0 or not name.isidentifier():
                        raise error("bad character in group name %r" % name, p, i + 4)
                    if name in self.names:
                        raise error("redefinition of group name %r as group %d; was group %d"
                                    % (name, groups + 1, self.names[name]), p, i + 4)
                    groups += 1
                    self.names[name] = groups
                    self.parents.append(self._enclosing(stack))
                    stack.append(groups)
                    out.append("(?<%s>" % name)
                    i = close + 1
                    continue
                if p.startswith("(?P=", i):
                    close = p.find(")", i)
                    name = p[i + 4:close]
                    if name not in self.names:
                        raise error("unknown group name %r" % name, p, i + 4)
                    out.append("\\k<%s>" % name)
                    i = close + 1
                    continue
                if p.startswith("(?P", i):
                    raise error("unknown extension ?P" + p[i + 3:i + 4], p, i + 1)
                if p.startswith("(?", i):
                    i = self._extension(p, i, out, stack)
                    continue
                groups += 1
                self.parents.append(self._enclosing(stack))
                stack.append(groups)
                out.append(c)
                i += 1
                continue
            if c in "^$.":
                # Spelled out: Boost's ^, $ and . know more line breaks than CPython's \n.
                multiline = self.local & MULTILINE
                if c == "^":
                    out.append("(?:\\A|(?<=\\n))" if multiline else "\\A")
                elif c == "$":
                    out.append("(?=\\n|\\z)" if multiline else "(?=\\n?\\z)")
                else:
                    out.append("[\\s\\S]" if self.local & DOTALL else "[^\\n]")
                i += 1
                continue
            if c == ")":
                if not stack:
                    raise error("unbalanced parenthesis", p, i)
                if len(stack) in self.restore:
                    self.local = self.restore.pop(len(stack))
                stack.pop()
            out.append(c)
            i += 1
        if stack:
            raise error("missing ), unterminated subpattern", p, n)
        return "".join(out)

    @staticmethod
    def _enclosing(stack):
        for g in reversed(stack):
            if g:
                return g
        return None

    def _extension(self, p, i, out, stack):
        # (?:...), lookarounds, comments, atomic groups, conditionals and inline flags.
        j = i + 2
        if j < len(p) and p[j] in ":=!>#" or p.startswith("<=", j) or p.startswith("<!", j):
            stack.append(0)
            if p[j] == "#":
                stack.pop()
                close = p.find(")", j)
                if close < 0:
                    raise error("missing ), unterminated comment", p, i)
                return close + 1
            out.append("(?")
            return j
        if j < len(p) and p[j] == "(":
            stack.append(0)
            out.append("(?")
            return j
        k = j
        while k < len(p) and (p[k].isalpha() or p[k] == "-"):
            k += 1
        letters = p[j:k]
        if k >= len(p) or p[k] not in ":)" or not letters:
            raise error("unknown extension ?" + p[j:j + 1], p, i + 1)
        kept = []
        scoped_on = scoped_off = 0
        off = False
        for letter in letters:
            if letter in _INLINE_FLAGS and letter in "ms":
                if off:
                    scoped_off |= _INLINE_FLAGS[letter]
                else:
                    scoped_on |= _INLINE_FLAGS[letter]
            if letter == "-":
                off = True
                kept.append(letter)
            elif letter not in _INLINE_FLAGS:
                raise error("unknown flag", p, j)
            elif letter == "L":
                raise _unsupported("re.LOCALE")
            elif letter in "au":
                if p[k] == ")":
                    self.flags |= _INLINE_FLAGS[letter]
            else:
                kept.append(letter)
                if p[k] == ")":
                    self.flags |= _INLINE_FLAGS[letter]
                    self.local |= _INLINE_FLAGS[letter]
        flags = "".join(kept).rstrip("-")
        if p[k] == ":":
            stack.append(0)
            self.restore[len(stack)] = self.local
            self.local = (self.local | scoped_on) & ~scoped_off
            out.append("(?%s:" % flags if flags else "(?:")
        elif flags:
            out.append("(?%s)" % flags)
        return k + 1


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        if isinstance(pattern, bytes):
            raise _unsupported("a bytes pattern")
        if not isinstance(pattern, str):
            raise TypeError("first argument must be string or compiled pattern")
        if flags & LOCALE:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if flags & DEBUG:
            raise _unsupported("re.DEBUG")
        translation = _Translation(pattern, flags)
        flags = translation.flags
        if flags & ASCII and flags & UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")
        if not flags & ASCII:
            flags |= UNICODE
        try:
            self._regex = _gilsim_re.compile(translation.text, flags)
        except ValueError as e:
            raise error(str(e), pattern) from None
        self.pattern = pattern
        self.flags = flags
        self.groups = len(translation.parents) - 1
        self.groupindex = dict(translation.names)
        self._parents = translation.parents
        self._names = {number: name for name, number in translation.names.items()}

    def __repr__(self):
        names = []
        flags = self.flags
        if flags & UNICODE and not flags & ASCII:
            flags &= ~UNICODE
        for name, bit in _FLAG_NAMES:
            if flags & bit:
                names.append("re." + name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        text = repr(self.pattern)
        if names:
            return "re.compile(%s, %s)" % (text, "|".join(names))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and \
            self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _run(self, string, pos, endpos, mode):
        if not isinstance(string, str):
            raise TypeError("expected string or bytes-like object, got '%s'"
                            % type(string).__name__)
        n = len(string)
        if pos < 0:
            pos = 0
        if endpos is None or endpos > n:
            endpos = n
        spans = self._regex.search(string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, _SEARCH)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, _MATCH)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, _FULLMATCH)

    def _iterate(self, string, pos=0, endpos=None):
        # Every match left to right. After an empty match at p the next one may not be empty at
        # p (CPython 3.7+): a non-empty match anchored at p, else the search resumes at p + 1.
        n = len(string) if endpos is None else max(0, min(endpos, len(string)))
        must_advance = False
        while pos <= n:
            if must_advance:
                m = self._run(string, pos, n, _NONEMPTY)
                if m is None:
                    if pos + 1 > n:
                        return
                    m = self._run(string, pos + 1, n, _SEARCH)
            else:
                m = self._run(string, pos, n, _SEARCH)
            if m is None:
                return
            yield m
            start, pos = m.span()
            must_advance = pos == start

    def finditer(self, string, pos=0, endpos=None):
        return iter(list(self._iterate(string, pos, endpos)))

    def findall(self, string, pos=0, endpos=None):
        found = []
        for m in self._iterate(string, pos, endpos):
            if self.groups == 0:
                found.append(m.group())
            elif self.groups == 1:
                found.append(m.group(1) or "")
            else:
                found.append(tuple(g or "" for g in m.groups()))
        return found

    def split(self, string, maxsplit=0):
        pieces = []
        last = 0
        count = 0
        for m in self._iterate(string):
            if maxsplit and count >= maxsplit:
                break
            pieces.append(string[last:m.start()])
            pieces.extend(m.groups())
            last = m.end()
            count += 1
        pieces.append(string[last:])
        return pieces

    def subn(self, repl, string, count=0):
        if callable(repl):
            replace = repl
        else:
            template = _Template(self, repl)
            replace = template.expand
        pieces = []
        last = 0
        done = 0
        for m in self._iterate(string):
            if count and done >= count:
                break
            pieces.append(string[last:m.start()])
            piece = replace(m)
            if not isinstance(piece, str):
                raise TypeError("expected str instance, %s found" % type(piece).__name__)
            pieces.append(piece)
            last = m.end()
            done += 1
        pieces.append(string[last:])
        return "".join(pieces), done

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            "\\": "\\"}


class _Template:
    """A sub() replacement: literal text with \\1, \\g<1> and \\g<name> references."""

    def __init__(self, pattern, text):
        if not isinstance(text, str):
            raise TypeError("expected str instance, %s found" % type(text).__name__)
        self.parts = []  # str pieces and int group numbers
        literal = []
        i = 0
        n = len(text)
        while i < n:
            c = text[i]
            if c != "\\":
                literal.append(c)
                i += 1
                continue
            if i + 1 >= n:
                raise error("bad escape (end of pattern)", text, i)
            d = text[i + 1]
            if d == "g":
                close = text.find(">", i)
                if i + 2 >= n or text[i + 2] != "<" or close < 0:
                    raise error("missing <", text, i + 2)
                name = text[i + 3:close]
                if name.isdigit():
                    group = int(name)
                    if group > pattern.groups:
                        raise error("invalid group reference %d" % group, text, i + 3)
                elif name in pattern.groupindex:
                    group = pattern.groupindex[name]
                elif name.isidentifier():
                    raise IndexError("unknown group name '%s'" % name)
                else:
                    raise error("bad character in group name '%s'" % name, text, i + 3)
                self._reference(literal, group)
                i = close + 1
            elif d.isdigit():
                j = i + 1
                while j < n and j < i + 3 and text[j].isdigit():
                    j += 1
                digits = text[i + 1:j]
                if d == "0" or (len(digits) == 3 and all(x in "01234567" for x in digits)):
                    literal.append(chr(int(digits, 8)))
                    i = j
                    continue
                digits = digits[:2]
                group = int(digits)
                if group > pattern.groups:
                    raise error("invalid group reference %d" % group, text, i + 1)
                self._reference(literal, group)
                i += 1 + len(digits)
            elif d in _ESCAPES:
                literal.append(_ESCAPES[d])
                i += 2
            elif _ascii_letter(d):
                raise error("bad escape \\%s" % d, text, i)
            else:
                literal.append(c + d)
                i += 2
        if literal:
            self.parts.append("".join(literal))

    def _reference(self, literal, group):
        if literal:
            self.parts.append("".join(literal))
            literal.clear()
        self.parts.append(group)

    def expand(self, m):
        out = []
        for part in self.parts:
            if isinstance(part, int):
                out.append(m.group(part) or "")
            else:
                out.append(part)
        return "".join(out)


class Match:
    """The result of a successful match: the groups' spans in the searched string."""

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans
        self.lastindex = self._last_index()
        self.lastgroup = pattern._names.get(self.lastindex) if self.lastindex else None

    def _last_index(self):
        # The group that closed last: the greatest end; on a tie the enclosing group (it closes
        # after what it holds), else the one opened later.
        best = None
        parents = self.re._parents
        for g in range(1, self.re.groups + 1):
            end = self._spans[2 * g + 1]
            if self._spans[2 * g] < 0:
                continue
            if best is None or end > self._spans[2 * best + 1]:
                best = g
            elif end == self._spans[2 * best + 1]:
                ancestor = parents[g]
                while ancestor is not None and ancestor != best:
                    ancestor = parents[ancestor]
                if ancestor is None:
                    best = g
        return best

    def _index(self, group):
        if isinstance(group, int) and not isinstance(group, bool):
            if 0 <= group <= self.re.groups:
                return group
        elif isinstance(group, str) and group in self.re.groupindex:
            return self.re.groupindex[group]
        raise IndexError("no such group")

    def span(self, group=0):
        g = self._index(group)
        return self._spans[2 * g], self._spans[2 * g + 1]

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def _text(self, g, default=None):
        start, end = self._spans[2 * g], self._spans[2 * g + 1]
        if start < 0:
            return default
        return self.string[start:end]

    def group(self, *groups):
        if not groups:
            return self._text(0)
        if len(groups) == 1:
            return self._text(self._index(groups[0]))
        return tuple(self._text(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._text(self._index(group))

    def groups(self, default=None):
        return tuple(self._text(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._text(number, default) for name, number in self.re.groupindex.items()}

    def expand(self, template):
        return _Template(self.re, template).expand(self)

    @property
    def regs(self):
        return tuple(self.span(g) for g in range(self.re.groups + 1))

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%r>" % (self.start(), self.end(),
                                                             self.group())


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, int) is False:
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    compiled = _cache.get(key)
    if compiled is None:
        compiled = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()


_SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"


def escape(pattern):
    if isinstance(pattern, bytes):
        raise _unsupported("re.escape of bytes")
    return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
