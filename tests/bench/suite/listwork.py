# listwork: list comprehensions (with conditions and nesting), slicing and slice assignment,
# sorted() with a key function and reverse, zip, enumerate, min/max/sum with and without key, and
# list methods. Built-in sequence operations driven from Python code: a VM spends its time in the
# calls into its list and iterator runtime here rather than in its own dispatch loop.
# Usage: listwork.py [SIZE]   (SIZE: integer scale factor, default 1; 0 is a quick smoke size)
import sys


def gen_data(n, seed):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 10007)
    return out


def one_round(data, r):
    n = len(data)
    squares = [v * v % 1009 for v in data]
    evens = [v for v in data if v % 2 == 0]
    pairs = [(a, b) for a, b in zip(data, squares) if a > b]
    window = data[r % 50 : r % 50 + 200]
    rev = data[::-1]
    stride = data[1::7]
    by_mod = sorted(data[:500], key=lambda v: (v % 97, v))
    by_sq = sorted(zip(squares[:500], data[:500]), reverse=True)
    idx_best = max(enumerate(data[:1000]), key=lambda iv: iv[1] % 1013)[0]
    grid = [[i * j % 11 for j in range(12)] for i in range(12)]
    flat = [c for row in grid for c in row]
    work = list(data[:300])
    work[10:20] = [0] * 5
    work.extend(stride[:20])
    work.insert(3, -1)
    work.pop()
    work.reverse()
    dots = sum(a * b for a, b in zip(window, rev[:200]))
    s = (
        sum(squares) + len(evens) + len(pairs) + sum(window) + rev[0] + sum(stride)
        + by_mod[0] + by_mod[-1] + by_sq[0][1] + idx_best + sum(flat)
        + min(data) + max(squares) + len(work) + work.index(-1) + work.count(0) + dots
    )
    for i, v in enumerate(data[:100]):
        if v == max(data[:100]):
            s += i
    return s + n


def run(rounds):
    data = gen_data(5000, 7)
    check = 0
    for r in range(rounds):
        check = (check * 31 + one_round(data, r)) % 1000000007
        data = data[1:] + data[:1]
    return check


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    rounds = 400 * size if size > 0 else 5
    print("listwork", run(rounds))


main()
