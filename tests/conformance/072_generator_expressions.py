# generator expressions consumed by builtins
nums = [3, -1, 4, -1, 5, -9, 2, 6]
print(sum(x * x for x in nums))
print(any(x > 5 for x in nums), any(x > 100 for x in nums))
print(all(x != 0 for x in nums), all(x > 0 for x in nums))
print(", ".join(str(x) for x in nums if x > 0))
print(list(x // 2 for x in nums))
print(sorted((x for x in nums), reverse=True))
print(min(abs(x) for x in nums), max(x * -1 for x in nums))
print(tuple(c for c in "hey"), set(x % 2 for x in nums))
print(sum(1 for _ in range(10) if _ % 3 == 0))
words = ["alpha", "beta", "gamma"]
print(max(len(w) for w in words), "".join(w[0] for w in words))
print(dict((w, len(w)) for w in words))
print(sum(x for x in []), any(x for x in []), all(x for x in []))
