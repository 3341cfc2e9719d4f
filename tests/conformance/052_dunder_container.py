# __len__, __getitem__, __setitem__, __contains__
class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = [0] * (w * h)
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, pos):
        x, y = pos
        return self.cells[y * self.w + x]
    def __setitem__(self, pos, value):
        x, y = pos
        self.cells[y * self.w + x] = value
    def __contains__(self, value):
        return value in self.cells
g = Grid(3, 2)
g[1, 1] = 5
g[2, 0] = 7
print(len(g), g[1, 1], g[0, 0], g[2, 0])
print(5 in g, 9 in g, 9 not in g)
print(g.cells)
class Squares:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i < 0 or i >= self.n:
            raise IndexError("out of range")
        return i * i
sq = Squares(5)
print(len(sq), sq[3], bool(sq), bool(Squares(0)))
try:
    sq[10]
except IndexError as e:
    print("IndexError:", e)
