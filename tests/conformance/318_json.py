# json: dumps options (indent, separators, sort_keys, default, ensure_ascii, skipkeys,
# allow_nan), float and string formatting, loads with hooks, and CPython's error positions.
import json
data = {"name": "gil", "n": 3, "pi": 3.141592653589793, "ok": True, "none": None,
        "list": [1, 2.5, "x", [], {}], "nested": {"a": [1, {"b": None}]}, "e": 1e100, "small": 1e-7}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, [2, [3]]], indent="\t"))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")), json.dumps([1, 2], indent=0))
print(json.dumps("héllo ✓ \U0001F600 \n\t\"q\" \\ \x01"), json.dumps("héllo ✓", ensure_ascii=False))
print(json.dumps({1: "int", 2.5: "float", True: "t", None: "n"}), json.dumps((1, 2)))
print(json.dumps(float("nan")), json.dumps([float("inf"), -float("inf")]), json.dumps(10**30), json.dumps(-0.0))
print(json.dumps({3: 1, 1: 2}, sort_keys=True), json.dumps({(1, 2): 3, "k": 1}, skipkeys=True))
print(json.dumps({1, 2} and sorted({1, 2})), json.dumps(set([3]), default=sorted))
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)
print(json.dumps([Point(1, 2)], cls=PointEncoder), PointEncoder(indent=1).encode({"p": Point(0, 0)}))
for bad in [lambda: json.dumps({1, 2}), lambda: json.dumps({(1,): 2}), lambda: json.dumps(float("nan"), allow_nan=False)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
cyc = []; cyc.append(cyc)
try:
    json.dumps(cyc)
except ValueError as e:
    print("ValueError", e)
text = json.dumps(data)
print(json.loads(text) == data, json.loads('  [1, 2.0, -3e2, "a\\u00e9\\ud83d\\ude00\\n", true, false, null, {"k": {}}] '))
print(json.loads("NaN"), json.loads("[Infinity, -Infinity]"), json.loads('"\\/\\b\\f\\r\\t"'), json.loads("0"), json.loads("-0.5E+2"))
print(json.loads('{"a": 1, "a": 2}'), json.loads(b'[1]'), json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list), json.loads("[1.5, 2]", parse_float=str, parse_int=float))
print(json.loads('1', parse_constant=str), json.loads('[NaN]', parse_constant=str))
bad_docs = ["", " ", "[", "[1", "[1,", "[1,]", "[1 2]", "{", "{1", '{"a"', '{"a" 1}', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{"a":1 "b":2}',
            '"abc', '"a\\qb"', '"\\u12"', '"\\u12zz"', '"\\ud83d\\u12"', '"\\ud83dx"', '"a\nb"', "tru", "nul", "01", "1 2", "[1]x", "-", "-x", "1.", ".5", "1e", "{'a': 1}", "\n\n  [1,\n  ?]", "\ufeff1", '["a", "b" "c"]', "[,]", "{,}"]
for doc in bad_docs:
    try:
        json.loads(doc)
        print(repr(doc), "parsed")
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e, e.pos, e.lineno, e.colno)
try:
    json.loads(5)
except TypeError as e:
    print("TypeError", e)
print(json.JSONDecoder().raw_decode('{"a": 1} trailing'), json.loads('"x\ty"', strict=False))
import io
buf = io.StringIO(); json.dump({"k": [1, 2]}, buf, indent=1); print(buf.getvalue()); buf.seek(0); print(json.load(buf))
print(isinstance(json.JSONDecodeError("m", "d", 0), ValueError))
from collections import namedtuple
P = namedtuple("P", "x y")
print(json.dumps([P(1, 2), {"p": P(3, [4])}]), json.dumps(P(1, 2), indent=1))
