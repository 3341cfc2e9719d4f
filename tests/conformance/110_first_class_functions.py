# functions as values: dispatch tables, higher-order functions
def add(a, b):
    return a + b
def sub(a, b):
    return a - b
ops = {"+": add, "-": sub, "*": lambda a, b: a * b}
for sym in ["+", "-", "*"]:
    print(sym, ops[sym](7, 3))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1))
def make_pipeline(*fns):
    def run(x):
        for fn in fns:
            x = fn(x)
        return x
    return run
p = make_pipeline(lambda s: s.strip(), lambda s: s.upper(), len)
print(p("  hello  "))
def my_map(f, xs):
    return [f(x) for x in xs]
def my_filter(pred, xs):
    return [x for x in xs if pred(x)]
print(my_map(abs, [-1, 2, -3]), my_filter(lambda n: n % 2, range(8)))
funcs = [len, lambda s: s.upper(), repr]
print([fn("ab") for fn in funcs])
print(add.__name__, (lambda: 0).__name__)
