# pprint: short values on one line, long dicts/lists/tuples/sets/strs broken as CPython breaks
# them, sort_dicts, indent, width, depth, compact, recursion, pformat/saferepr.
import pprint
data = {"name": "gilsim", "versions": list(range(30)), "nested": {"b": [1, 2, {"x": "y" * 30}], "a": (1,), "c": ()},
        "set": {5, 3, 1, 4}, "fs": frozenset({20, 10}), 3: None, "text": "lorem ipsum dolor sit amet " * 5}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(data, depth=1)
pprint.pprint(list(range(40)), compact=True, width=50)
pprint.pp({"z": 1, "a": 2})
pprint.pprint([[1, 2, 3]] * 8, width=30)
print(pprint.pformat(("a" * 50, "b" * 50)))
print(pprint.pformat("word " * 30, width=40))
rec = [1, 2]; rec.append(rec)
print(pprint.saferepr(rec)[:30].split(" with")[0], pprint.isrecursive(rec), pprint.isreadable([1, "a"]), pprint.isreadable(object()))
pprint.pprint({"k%d" % i: [i] * i for i in range(8)})
pprint.pprint(12345678, underscore_numbers=True)
for bad in [lambda: pprint.PrettyPrinter(indent=-1), lambda: pprint.PrettyPrinter(depth=0), lambda: pprint.PrettyPrinter(width=0)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
