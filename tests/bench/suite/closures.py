# closures: closures over free variables (read and written with nonlocal), nested functions, calls
# with keyword arguments and default arguments, and a builder class whose methods return self so
# calls chain. Functional-style helpers and fluent builders are common in real code and stress
# the call path differently from positional calls to module-level functions.
# Usage: closures.py [SIZE]   (SIZE: integer scale factor, default 1; 0 is a quick smoke size)
import sys


def make_counter(start=0, step=1):
    count = start

    def bump(times=1):
        nonlocal count
        count += step * times
        return count

    return bump


def make_adder(n):
    def add(x):
        return x + n

    return add


def compose(f, g):
    def h(x):
        return f(g(x))

    return h


def scaled(value, factor=2, offset=0, *, clamp=None):
    r = value * factor + offset
    if clamp is not None and r > clamp:
        r = clamp
    return r


class Query:
    def __init__(self, table):
        self.table = table
        self.wheres = []
        self.order = None
        self.lim = None

    def where(self, field, op="=", value=None):
        self.wheres.append((field, op, value))
        return self

    def order_by(self, field, descending=False):
        self.order = (field, descending)
        return self

    def limit(self, n):
        self.lim = n
        return self

    def render(self):
        parts = ["SELECT * FROM ", self.table]
        if self.wheres:
            parts.append(" WHERE ")
            parts.append(" AND ".join(f + " " + op + " " + str(v) for f, op, v in self.wheres))
        if self.order is not None:
            parts.append(" ORDER BY " + self.order[0] + (" DESC" if self.order[1] else ""))
        if self.lim is not None:
            parts.append(" LIMIT " + str(self.lim))
        return "".join(parts)


def run(rounds):
    counter = make_counter(10, step=3)
    add5 = make_adder(5)
    times3 = lambda x: x * 3
    f = compose(add5, times3)
    g = compose(f, make_adder(-7))
    acc = 0
    for i in range(rounds):
        acc = (acc + f(i) + g(i)) % 1000003
        acc = (acc + scaled(i, 3, offset=1) + scaled(i, clamp=1000) + scaled(value=i, factor=1)) % 1000003
        counter(times=i % 3)
    total_len = 0
    h = 0
    for i in range(rounds // 10):
        q = (Query("t" + str(i % 7))
             .where("a", ">", i % 100)
             .where("b", value=i % 3)
             .order_by("a", descending=i % 2 == 0)
             .limit(i % 50 + 1))
        s = q.render()
        total_len += len(s)
        h = (h * 131 + len(s) + ord(s[-1])) % 1000000007
    return acc, counter(0), total_len, h, s


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    rounds = 600000 * size if size > 0 else 3000
    acc, count, total_len, h, last = run(rounds)
    print("closures", acc, count, total_len, h)
    print(last)


main()
