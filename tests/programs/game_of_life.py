"""Conway's Game of Life on an unbounded board kept as a set of live cells: a glider's journey,
an oscillator's period and a small methuselah's population."""


def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = (x + dx, y + dy)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}


def show(live, width, height):
    for y in range(height):
        print("".join("#" if (x, y) in live else "." for x in range(width)))


glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
board = set(glider)
for _ in range(8):
    board = step(board)
show(board, 6, 6)
moved = {(x - 2, y - 2) for (x, y) in board}
print("glider moved by (2, 2):", moved == glider)

blinker = {(0, 1), (1, 1), (2, 1)}
period = 1
state = step(blinker)
while state != blinker:
    state = step(state)
    period += 1
print("blinker period:", period)

r_pentomino = {(1, 0), (2, 0), (0, 1), (1, 1), (1, 2)}
board = set(r_pentomino)
populations = []
for generation in range(120):
    board = step(board)
    if generation % 20 == 19:
        populations.append(len(board))
print("r-pentomino populations:", populations)
