# calls with *args and **kwargs unpacking
def show(a, b, c=0, d=0):
    return f"a={a} b={b} c={c} d={d}"
args = [1, 2]
kwargs = {"c": 3, "d": 4}
print(show(*args))
print(show(*args, **kwargs))
print(show(*[9, 8, 7, 6]))
print(show(**{"a": "x", "b": "y"}))
print(show(1, *[2], **{"d": 5}))
print(show(*(10,), 20, d=40))
def collect(*a, **k):
    return a, k
print(collect(*"ab", *[1], x=1, **{"y": 2}))
print(max(*[3, 9, 2]), min(*"zyx"))
print("-".join(["a", "b"]), *range(3))
