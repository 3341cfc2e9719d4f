# json_encode: a recursive JSON-style encoder written in Python (not the json module) over nested
# dicts, lists, strings, ints, floats, booleans and None, with string escaping of quotes,
# backslashes and control characters, plus sorted keys and indentation as an option. It is a
# typical "walk a data structure and build a string" program: type dispatch with isinstance,
# recursion, per-character string work and list-of-parts joins.
# Usage: json_encode.py [SIZE]   (SIZE: integer scale factor, default 1; 0 is a quick smoke size)
import sys

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def encode_str(s):
    needs = False
    for ch in s:
        if ch in ESCAPES or ch < " ":
            needs = True
            break
    if not needs:
        return '"' + s + '"'
    parts = ['"']
    for ch in s:
        esc = ESCAPES.get(ch)
        if esc is not None:
            parts.append(esc)
        elif ch < " ":
            parts.append("\\u%04x" % ord(ch))
        else:
            parts.append(ch)
    parts.append('"')
    return "".join(parts)


class Encoder:
    def __init__(self, sort_keys=False, indent=None):
        self.sort_keys = sort_keys
        self.indent = indent

    def encode(self, obj):
        parts = []
        self._enc(obj, parts, 0)
        return "".join(parts)

    def _newline(self, parts, level):
        if self.indent is not None:
            parts.append("\n" + " " * (self.indent * level))

    def _enc(self, obj, parts, level):
        if obj is None:
            parts.append("null")
        elif obj is True:
            parts.append("true")
        elif obj is False:
            parts.append("false")
        elif isinstance(obj, int):
            parts.append(str(obj))
        elif isinstance(obj, float):
            parts.append("%.6g" % obj)
        elif isinstance(obj, str):
            parts.append(encode_str(obj))
        elif isinstance(obj, (list, tuple)):
            if not obj:
                parts.append("[]")
                return
            parts.append("[")
            first = True
            for item in obj:
                if not first:
                    parts.append(",")
                first = False
                self._newline(parts, level + 1)
                self._enc(item, parts, level + 1)
            self._newline(parts, level)
            parts.append("]")
        elif isinstance(obj, dict):
            if not obj:
                parts.append("{}")
                return
            keys = sorted(obj) if self.sort_keys else list(obj)
            parts.append("{")
            sep = ": " if self.indent is not None else ":"
            for i, k in enumerate(keys):
                if i:
                    parts.append(",")
                self._newline(parts, level + 1)
                parts.append(encode_str(k))
                parts.append(sep)
                self._enc(obj[k], parts, level + 1)
            self._newline(parts, level)
            parts.append("}")
        else:
            raise TypeError("cannot encode " + type(obj).__name__)


WORDS = ["alpha", "beta", 'quo"te', "back\\slash", "new\nline", "tab\there", "gamma", "\x01ctl"]


def make_doc(seed, depth):
    x = seed
    def rnd():
        nonlocal x
        x = (x * 1103515245 + 12345) % 2147483648
        return x

    def build(d):
        r = rnd() % 7
        if d == 0 or r == 0:
            k = rnd() % 6
            if k == 0:
                return rnd() % 100000 - 50000
            if k == 1:
                return (rnd() % 100000) / 64.0
            if k == 2:
                return WORDS[rnd() % len(WORDS)] + str(rnd() % 100)
            if k == 3:
                return rnd() % 2 == 0
            if k == 4:
                return None
            return "plain string number " + str(rnd() % 1000)
        if r < 4:
            return [build(d - 1) for _ in range(rnd() % 6)]
        return {"k" + str(rnd() % 50) + WORDS[rnd() % 3]: build(d - 1) for _ in range(rnd() % 6)}

    return {"id": seed, "items": [build(depth) for _ in range(8)], "name": WORDS[seed % len(WORDS)]}


def run(rounds):
    compact = Encoder()
    pretty = Encoder(sort_keys=True, indent=2)
    check = 0
    total = 0
    sample = ""
    for r in range(rounds):
        doc = make_doc(r + 1, 5)
        a = compact.encode(doc)
        b = pretty.encode(doc)
        total += len(a) + len(b)
        for ch in a[:200]:
            check = (check * 31 + ord(ch)) % 1000000007
        if r == 3:
            sample = a[:120]
    return total, check, sample


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    rounds = 800 * size if size > 0 else 30
    total, check, sample = run(rounds)
    print("json_encode", total, check)
    print(sample)


main()
