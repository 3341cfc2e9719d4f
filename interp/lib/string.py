"""String constants and templates, after CPython 3.11's string (Lib/string.py).

The constants, capwords, Template ($name, ${name}, $$; substitute and safe_substitute with
CPython's errors) and Formatter (format, vformat, the overridable get_value/format_field/...).
CPython's Template scans with a regular expression; this one scans by hand with the same rules
(an identifier is [_a-z][_a-z0-9]* ignoring case, ASCII only).
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
           "hexdigits", "octdigits", "printable", "punctuation", "whitespace", "Formatter",
           "Template"]

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or " ").join(map(str.capitalize, s.split(sep)))


_IDENT_START = "_" + ascii_letters
_IDENT_CHARS = _IDENT_START + digits


class Template:
    """A string with $-substitutions: Template('$who likes $what').substitute(...)."""

    delimiter = "$"
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yields (literal, kind, name, position) pieces: kind is 'named', 'braced',
        'escaped', 'invalid' or None for trailing text."""
        text = self.template
        delim = self.delimiter
        i = 0
        start = 0
        n = len(text)
        while True:
            j = text.find(delim, i)
            if j < 0:
                yield text[start:], None, None, n
                return
            k = j + len(delim)
            if text.startswith(delim, k):
                yield text[start:j], "escaped", None, j
                i = start = k + len(delim)
                continue
            if k < n and text[k] == "{":
                end = text.find("}", k + 1)
                name = text[k + 1:end] if end >= 0 else ""
                if end >= 0 and _is_identifier(name):
                    yield text[start:j], "braced", name, j
                    i = start = end + 1
                    continue
                yield text[start:j], "invalid", None, k
                i = start = k
                continue
            m = k
            if m < n and text[m] in _IDENT_START:
                m += 1
                while m < n and text[m] in _IDENT_CHARS:
                    m += 1
                yield text[start:j], "named", text[k:m], j
                i = start = m
                continue
            yield text[start:j], "invalid", None, k  # CPython reports the column after $
            i = start = k

    def _invalid(self, position):
        lines = self.template[:position].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = position - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError("Invalid placeholder in string: line %d, col %d" % (lineno, colno))

    def substitute(self, mapping=None, /, **kws):
        values = _merged(mapping, kws)
        out = []
        for literal, kind, name, position in self._scan():
            out.append(literal)
            if kind == "escaped":
                out.append(self.delimiter)
            elif kind in ("named", "braced"):
                out.append(str(values[name]))
            elif kind == "invalid":
                self._invalid(position)
        return "".join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        values = _merged(mapping, kws)
        out = []
        for literal, kind, name, position in self._scan():
            out.append(literal)
            if kind == "escaped":
                out.append(self.delimiter)
            elif kind == "named":
                out.append(str(values[name]) if name in values else self.delimiter + name)
            elif kind == "braced":
                out.append(str(values[name]) if name in values else
                           self.delimiter + "{" + name + "}")
            elif kind == "invalid":
                out.append(self.delimiter)
        return "".join(out)

    def is_valid(self):
        return all(kind != "invalid" for _, kind, _, _ in self._scan())

    def get_identifiers(self):
        ids = []
        for _, kind, name, _ in self._scan():
            if kind in ("named", "braced") and name not in ids:
                ids.append(name)
        return ids


def _is_identifier(name):
    return bool(name) and name[0] in _IDENT_START and all(c in _IDENT_CHARS for c in name)


def _merged(mapping, kws):
    if mapping is None:
        return kws
    if kws:
        values = dict(mapping)
        values.update(kws)
        return values
    return mapping


class Formatter:
    """str.format's machinery, with each step overridable."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == "":
                    if auto_arg_index is False:
                        raise ValueError("cannot switch from manual field specification to "
                                         "automatic field numbering")
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError("cannot switch from manual field specification to "
                                         "automatic field numbering")
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec = self._vformat(format_spec, args, kwargs, used_args,
                                            recursion_depth - 1, auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return "".join(result)

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError("Unknown conversion specifier %s" % conversion)

    def parse(self, format_string):
        """(literal_text, field_name, format_spec, conversion) for each field."""
        i = 0
        n = len(format_string)
        literal = []
        while i < n:
            c = format_string[i]
            if c == "{":
                if i + 1 < n and format_string[i + 1] == "{":
                    # An escaped brace ends a literal piece, as CPython's parser splits there.
                    yield "".join(literal) + "{", None, None, None
                    literal = []
                    i += 2
                    continue
                depth = 1
                j = i + 1
                while j < n and depth:
                    if format_string[j] == "{":
                        depth += 1
                    elif format_string[j] == "}":
                        depth -= 1
                    j += 1
                if depth:
                    raise ValueError("expected '}' before end of string")
                field = format_string[i + 1:j - 1]
                conversion = None
                spec = ""
                colon = field.find(":")
                name_part = field if colon < 0 else field[:colon]
                if colon >= 0:
                    spec = field[colon + 1:]
                bang = name_part.find("!")
                if bang >= 0:
                    conversion = name_part[bang + 1:]
                    name_part = name_part[:bang]
                    if len(conversion) != 1:
                        raise ValueError("expected ':' after conversion specifier")
                yield "".join(literal), name_part, spec, conversion
                literal = []
                i = j
            elif c == "}":
                if i + 1 < n and format_string[i + 1] == "}":
                    yield "".join(literal) + "}", None, None, None
                    literal = []
                    i += 2
                    continue
                raise ValueError("Single '}' encountered in format string")
            else:
                literal.append(c)
                i += 1
        if literal:
            yield "".join(literal), None, None, None

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            obj = getattr(obj, i) if is_attr else obj[i]
        return obj, first


def _split_field_name(name):
    i = 0
    n = len(name)
    while i < n and name[i] not in ".[":
        i += 1
    first = name[:i]
    first = int(first) if first.isdigit() else first
    rest = []
    while i < n:
        if name[i] == ".":
            j = i + 1
            while j < n and name[j] not in ".[":
                j += 1
            rest.append((True, name[i + 1:j]))
            i = j
        else:
            j = name.index("]", i)
            key = name[i + 1:j]
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
    return first, rest
