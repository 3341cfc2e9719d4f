"""JSON encoding and decoding, after CPython 3.11's json package (Lib/json/ and the C
accelerator Modules/_json.c, whose error positions a script sees).

dumps/dump with skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators, default
and sort_keys; loads/load with object_hook, object_pairs_hook, parse_float, parse_int,
parse_constant and strict; JSONEncoder, JSONDecoder (decode, raw_decode) and JSONDecodeError
with CPython's messages ("Expecting value: line 1 column 1 (char 0)").
"""

__all__ = ["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]

_INFINITY = float("inf")


def _tuple_like_types():
    # A namedtuple where tuple cannot be subclassed (collections._TupleFields) encodes as the
    # array CPython writes for the tuple it would be.
    try:
        import collections
    except ImportError:
        return (list, tuple)
    tuple_fields = getattr(collections, "_TupleFields", None)
    return (list, tuple) if tuple_fields is None else (list, tuple, tuple_fields)


_ARRAY_TYPES = _tuple_like_types()


class JSONDecodeError(ValueError):
    """A ValueError with the document, the position and its line and column."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        errmsg = "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


# ----- encoding
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
            "\t": "\\t"}


def _encode_basestring(s):
    out = ['"']
    for c in s:
        escaped = _ESCAPES.get(c)
        if escaped is not None:
            out.append(escaped)
        elif c < " ":
            out.append("\\u%04x" % ord(c))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def _encode_basestring_ascii(s):
    out = ['"']
    for c in s:
        escaped = _ESCAPES.get(c)
        if escaped is not None:
            out.append(escaped)
        elif " " <= c <= "~":
            out.append(c)
        else:
            n = ord(c)
            if n < 0x10000:
                out.append("\\u%04x" % n)
            else:
                n -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF)))
    out.append('"')
    return "".join(out)


class JSONEncoder:
    """Turns Python values into JSON text; override default() for other types."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError("Object of type %s is not JSON serializable" % o.__class__.__name__)

    def encode(self, o):
        if isinstance(o, str):
            return _encode_basestring_ascii(o) if self.ensure_ascii else _encode_basestring(o)
        chunks = []
        self._encode(o, chunks, {} if self.check_circular else None, 0)
        return "".join(chunks)

    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])

    def _float(self, o):
        if o != o:
            text = "NaN"
        elif o == _INFINITY:
            text = "Infinity"
        elif o == -_INFINITY:
            text = "-Infinity"
        else:
            return repr(float(o))  # float's own repr, whatever a subclass defines
        if not self.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text

    def _string(self, s):
        return _encode_basestring_ascii(s) if self.ensure_ascii else _encode_basestring(s)

    def _newline(self, level):
        indent = self.indent
        if not isinstance(indent, str):
            indent = " " * indent
        return "\n" + indent * level

    def _encode(self, o, chunks, markers, level):
        if isinstance(o, str):
            chunks.append(self._string(o))
        elif o is None:
            chunks.append("null")
        elif o is True:
            chunks.append("true")
        elif o is False:
            chunks.append("false")
        elif isinstance(o, int):
            chunks.append(repr(int(o)))  # int's own repr (an IntEnum prints as its value)
        elif isinstance(o, float):
            chunks.append(self._float(o))
        elif isinstance(o, _ARRAY_TYPES):
            self._encode_list(o, chunks, markers, level)
        elif isinstance(o, dict):
            self._encode_dict(o, chunks, markers, level)
        else:
            marker = self._enter(o, markers)
            self._encode(self.default(o), chunks, markers, level)
            self._leave(marker, markers)

    def _enter(self, o, markers):
        if markers is None:
            return None
        marker = id(o)
        if marker in markers:
            raise ValueError("Circular reference detected")
        markers[marker] = o
        return marker

    def _leave(self, marker, markers):
        if markers is not None:
            del markers[marker]

    def _encode_list(self, lst, chunks, markers, level):
        if not lst:
            chunks.append("[]")
            return
        marker = self._enter(lst, markers)
        chunks.append("[")
        if self.indent is not None:
            level += 1
            newline = self._newline(level)
            separator = self.item_separator + newline
            chunks.append(newline)
        else:
            newline = None
            separator = self.item_separator
        first = True
        for value in lst:
            if not first:
                chunks.append(separator)
            first = False
            self._encode(value, chunks, markers, level)
        if newline is not None:
            chunks.append(self._newline(level - 1))
        chunks.append("]")
        self._leave(marker, markers)

    def _key(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self._float(key)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return repr(int(key))
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not %s" %
                        key.__class__.__name__)

    def _encode_dict(self, dct, chunks, markers, level):
        if not dct:
            chunks.append("{}")
            return
        marker = self._enter(dct, markers)
        chunks.append("{")
        if self.indent is not None:
            level += 1
            newline = self._newline(level)
            separator = self.item_separator + newline
            chunks.append(newline)
        else:
            newline = None
            separator = self.item_separator
        items = dct.items()
        if self.sort_keys:
            items = sorted(items)
        first = True
        for key, value in items:
            key = self._key(key)
            if key is None:
                continue
            if not first:
                chunks.append(separator)
            first = False
            chunks.append(self._string(key))
            chunks.append(self.key_separator)
            self._encode(value, chunks, markers, level)
        if newline is not None:
            chunks.append(self._newline(level - 1))
        chunks.append("}")
        self._leave(marker, markers)


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None and
            indent is None and separators is None and default is None and not sort_keys and
            not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kwargs):
    fp.write(dumps(obj, **kwargs))


# ----- decoding
_WHITESPACE = " \t\n\r"
_CONSTANTS = {"-Infinity": -_INFINITY, "Infinity": _INFINITY, "NaN": float("nan")}
_BACKSLASH = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
              "t": "\t"}
_HEX = "0123456789abcdefABCDEF"


class _StopScan(Exception):
    """Nothing at this position starts a value (CPython's scanner raises StopIteration)."""

    def __init__(self, pos):
        Exception.__init__(self, pos)
        self.pos = pos


def _skip(s, end):
    n = len(s)
    while end < n and s[end] in _WHITESPACE:
        end += 1
    return end


def _unicode_escape(s, pos):
    # pos is at the 'u'; the four hex digits follow.
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and all(c in _HEX for c in esc):
        return int(esc, 16)
    raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)


def _scanstring(s, end, strict=True):
    """The string whose opening quote is at end - 1: (text, index after the closing quote)."""
    chunks = []
    begin = end - 1
    n = len(s)
    while True:
        start = end
        while end < n and s[end] != '"' and s[end] != "\\" and (s[end] >= " " or not strict):
            end += 1
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        if start < end:
            chunks.append(s[start:end])
        terminator = s[end]
        if terminator == '"':
            return "".join(chunks), end + 1
        if terminator != "\\":
            raise JSONDecodeError("Invalid control character at", s, end)
        end += 1
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[end]
        if esc != "u":
            char = _BACKSLASH.get(esc)
            if char is None:
                raise JSONDecodeError("Invalid \\escape", s, end - 1)
            chunks.append(char)
            end += 1
            continue
        uni = _unicode_escape(s, end)
        end += 5
        if 0xD800 <= uni <= 0xDBFF and s[end:end + 2] == "\\u":
            uni2 = _unicode_escape(s, end + 1)
            if 0xDC00 <= uni2 <= 0xDFFF:
                uni = 0x10000 + (((uni - 0xD800) << 10) | (uni2 - 0xDC00))
                end += 6
        chunks.append(chr(uni))


class JSONDecoder:
    """Turns JSON text into Python values."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or (lambda name: _CONSTANTS[name])
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip(s, 0))
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return self._scan(s, idx)
        except _StopScan as err:
            raise JSONDecodeError("Expecting value", s, err.pos) from None

    def _scan(self, s, idx):
        if idx >= len(s):
            raise _StopScan(idx)
        c = s[idx]
        if c == '"':
            return _scanstring(s, idx + 1, self.strict)
        if c == "{":
            return self._object(s, idx + 1)
        if c == "[":
            return self._array(s, idx + 1)
        if c == "n" and s.startswith("null", idx):
            return None, idx + 4
        if c == "t" and s.startswith("true", idx):
            return True, idx + 4
        if c == "f" and s.startswith("false", idx):
            return False, idx + 5
        number = self._number(s, idx)
        if number is not None:
            return number
        if c == "N" and s.startswith("NaN", idx):
            return self.parse_constant("NaN"), idx + 3
        if c == "I" and s.startswith("Infinity", idx):
            return self.parse_constant("Infinity"), idx + 8
        if c == "-" and s.startswith("-Infinity", idx):
            return self.parse_constant("-Infinity"), idx + 9
        raise _StopScan(idx)

    def _number(self, s, idx):
        # -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
        n = len(s)
        end = idx
        if end < n and s[end] == "-":
            end += 1
        if end < n and s[end] == "0":
            end += 1
        elif end < n and "1" <= s[end] <= "9":
            end += 1
            while end < n and "0" <= s[end] <= "9":
                end += 1
        else:
            return None
        integer_end = end
        is_float = False
        if end + 1 < n and s[end] == "." and "0" <= s[end + 1] <= "9":
            end += 2
            while end < n and "0" <= s[end] <= "9":
                end += 1
            is_float = True
        if end < n and s[end] in "eE":
            exp = end + 1
            if exp < n and s[exp] in "-+":
                exp += 1
            if exp < n and "0" <= s[exp] <= "9":
                exp += 1
                while exp < n and "0" <= s[exp] <= "9":
                    exp += 1
                end = exp
                is_float = True
        text = s[idx:end]
        if is_float:
            return self.parse_float(text), end
        del integer_end
        return self.parse_int(text), end

    def _object(self, s, end):
        pairs = []
        end = _skip(s, end)
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar == "}":
                return self._finish_object(pairs), end + 1
            raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end)
        end += 1
        while True:
            key, end = _scanstring(s, end, self.strict)
            end = _skip(s, end)
            if s[end:end + 1] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip(s, end + 1)
            try:
                value, end = self._scan(s, end)
            except _StopScan as err:
                raise JSONDecodeError("Expecting value", s, err.pos) from None
            pairs.append((key, value))
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == "}":
                break
            if nextchar != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s,
                                      end - 1)
        return self._finish_object(pairs), end

    def _finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        result = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(result)
        return result

    def _array(self, s, end):
        values = []
        end = _skip(s, end)
        if s[end:end + 1] == "]":
            return values, end + 1
        while True:
            try:
                value, end = self._scan(s, end)
            except _StopScan as err:
                raise JSONDecodeError("Expecting value", s, err.pos) from None
            values.append(value)
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == "]":
                break
            if nextchar != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
        return values, end


_default_decoder = JSONDecoder()


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith("\ufeff"):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    elif isinstance(s, bytes):
        s = s.decode("utf-8")
    else:
        raise TypeError("the JSON object must be str, bytes or bytearray, not %s" %
                        s.__class__.__name__)
    if (cls is None and object_hook is None and parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook,
               **kw).decode(s)


def load(fp, **kwargs):
    return loads(fp.read(), **kwargs)
