xs = [x * x for x in range(10) if x % 2]
d = {k: v for k, v in zip("abc", range(3))}
s = {c.upper() for c in "hello"}
nested = [[i * j for j in range(3)] for i in range(3)]
flat = [y for row in nested for y in row if y]
print(xs, d, sorted(s), flat, sum(x for x in xs))
print(any(x > 50 for x in xs), all(isinstance(k, str) for k in d))
