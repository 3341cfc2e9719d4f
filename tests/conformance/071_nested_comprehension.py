# nested comprehensions
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row])
print([v for row in matrix if sum(row) > 6 for v in row if v % 2])
print({r: [c for c in range(r)] for r in range(4)})
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
grid = [[(r, c) for c in range(2)] for r in range(2)]
print(grid)
print(sum([sum(row) for row in matrix]))
print([[y for y in x if y] for x in [[0, 1], [], [2, 0, 3]]])
