# Loops, calls, generators, exceptions and closures; the output must not depend on
# where the eval loop tests its breaker.
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def squares(n):
    for i in range(n):
        yield i * i


def make_counter():
    count = 0

    def step():
        nonlocal count
        count += 1
        return count
    return step


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print([fib(i) for i in range(15)])
print(sum(squares(100)))
counter = make_counter()
for _ in range(5):
    counter()
print("counter", counter())
print("fact", fact(25))
i = 0
while True:
    i += 1
    if i > 1000:
        break
print("i", i)
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
words = {}
for w in "the quick brown fox jumps over the lazy dog the end".split():
    words[w] = words.get(w, 0) + 1
print(sorted(words.items()))
