# any() and all() on various iterables
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]))
print(any([0, 0, 1]), all([1, 1, 0]), any("abc"), all(""))
print(any(x > 3 for x in range(5)), all(x < 5 for x in range(5)))
def noisy(v):
    print("check", v)
    return v
print(any(noisy(v) for v in [0, 2, 3]))
print(all(noisy(v) for v in [1, 0, 3]))
grid = [[1, 2], [3, 0]]
print(all(all(row) for row in grid), any(all(row) for row in grid))
print(any({0: "a"}), all({1: 0, 2: 0}))
