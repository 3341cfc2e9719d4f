# random: getstate/setstate replay a stream; instances are independent; CPython's errors.
import random

r = random.Random(7)
state = r.getstate()
first = [r.random() for _ in range(5)]
r.setstate(state)
print(first == [r.random() for _ in range(5)], state[0], len(state[1]), state[1][-1], state[2])
r.gauss()
saved = r.getstate()
print(saved[2] is not None, r.gauss() == (r.setstate(saved) or r.gauss()))

a, b = random.Random(1), random.Random(1)
a.random()
print(a.random() == b.random(), a.random() == random.Random(1).random())
for _ in range(700):
    b.random()
print(b.getstate()[1][-1])

for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(0, 10, 0),
            lambda: random.choice([]), lambda: random.sample(range(3), 4),
            lambda: random.sample({1, 2}, 1), lambda: random.choices("ab", [1]),
            lambda: random.choices("ab", [0, 0]), lambda: random.getrandbits(-1),
            lambda: random.seed([1]), lambda: random.setstate((9, (), None)),
            lambda: random.gammavariate(-1, 1), lambda: random.choices("ab", 3),
            lambda: r.setstate((3, (1, 2), None))]:
    try:
        print(bad())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
