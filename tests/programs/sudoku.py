"""A sudoku solver: constraint propagation of single candidates, then depth-first search on the
cell with the fewest candidates."""

PUZZLES = [
    "530070000600195000098000060800060003400803001700020006060000280000419005000080079",
    "000000907000420180000705026100904000050000040000507009920108000034059000507000000",
    "800000000003600000070090200050007000000045700000100030001000068008500010090000400",
]

ROWS = [[r * 9 + c for c in range(9)] for r in range(9)]
COLS = [[r * 9 + c for r in range(9)] for c in range(9)]
BOXES = [[(br * 3 + r) * 9 + bc * 3 + c for r in range(3) for c in range(3)]
         for br in range(3) for bc in range(3)]
PEERS = []
for cell in range(81):
    peers = set()
    for unit in ROWS + COLS + BOXES:
        if cell in unit:
            peers.update(unit)
    peers.discard(cell)
    PEERS.append(sorted(peers))


def candidates(grid, cell):
    used = set(grid[p] for p in PEERS[cell])
    return [d for d in range(1, 10) if d not in used]


def solve(grid, stats):
    while True:
        best = None
        progress = False
        for cell in range(81):
            if grid[cell]:
                continue
            options = candidates(grid, cell)
            if not options:
                return None
            if len(options) == 1:
                grid[cell] = options[0]
                progress = True
            elif best is None or len(options) < len(best[1]):
                best = (cell, options)
        if not progress:
            break
    if best is None:
        return grid
    cell, options = best
    for digit in options:
        stats["guesses"] += 1
        attempt = list(grid)
        attempt[cell] = digit
        result = solve(attempt, stats)
        if result is not None:
            return result
    return None


for text in PUZZLES:
    grid = [int(ch) for ch in text]
    stats = {"guesses": 0}
    solved = solve(grid, stats)
    print("guesses:", stats["guesses"])
    for r in range(9):
        row = solved[r * 9:r * 9 + 9]
        print(" ".join(str(d) for d in row[:3]), "|", " ".join(str(d) for d in row[3:6]), "|",
              " ".join(str(d) for d in row[6:]))
    ok = all(sorted(solved[i] for i in unit) == list(range(1, 10)) for unit in ROWS + COLS + BOXES)
    print("valid:", ok)
