# while loops with compound conditions
def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz_len(n) for n in range(1, 15)])
best = max(range(1, 1000), key=collatz_len)
print(best, collatz_len(best))
a, b = 0, 0
while a < 10 and not b > 3 or a == 0:
    a += 3
    b += 1
print(a, b)
n = 27
peak = n
while n > 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    if n > peak:
        peak = n
print(peak)
