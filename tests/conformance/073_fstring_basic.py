# f-strings: expressions, conversions, escapes
name = "World"
n = 42
items = [1, 2, 3]
print(f"Hello, {name}!")
print(f"{n} + 1 = {n + 1}", f"{n * 2}", f"{items[1]}", f"{len(items)}")
print(f"{name!r} {name!s} {items!r}")
print(f"{'quoted'} {'a' if n > 0 else 'b'}")
print(f"{{literal braces}} {n}")
d = {"key": "value"}
print(f"{d['key']} {d}")
print(f"{name.upper()} {name[::-1]} {n > 40}")
print(f"{None} {True} {3.5} {-7}")
print(f"nested {f'inner {n}'}")
print(f"multi {n}" f" part {name}")
print(f"{'tab'}\t{n}\n", end="")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
print(f"{P()} {P()!r}")
