def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def deep(n):
    return deep(n + 1)
print(fact(30))
try:
    deep(0)
except RecursionError as e:
    print("recursion", type(e).__name__)
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(6, "A", "B", "C", [])))
