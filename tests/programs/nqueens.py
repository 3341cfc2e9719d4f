"""N-queens: every solution counted by backtracking over bit masks, and the first solution of
each board drawn, found by a generator over permutations that fit."""


def count_solutions(n):
    full = (1 << n) - 1

    def place(cols, left, right):
        if cols == full:
            return 1
        total = 0
        free = full & ~(cols | left | right)
        while free:
            bit = free & -free
            free ^= bit
            total += place(cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1)
        return total

    return place(0, 0, 0)


def solutions(n, placed=()):
    row = len(placed)
    if row == n:
        yield placed
        return
    for col in range(n):
        if all(col != c and abs(col - c) != row - r for r, c in enumerate(placed)):
            for s in solutions(n, placed + (col,)):
                yield s


for n in range(4, 10):
    first = next(solutions(n))
    print("n=%d solutions=%d first=%s" % (n, count_solutions(n), list(first)))

board = next(solutions(8))
for col in board:
    print(" ".join("Q" if c == col else "." for c in range(8)))
