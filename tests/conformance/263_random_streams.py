# random: a seeded script draws CPython's exact numbers (the Mersenne Twister, seeded from ints,
# str and bytes as CPython seeds them) through every method's algorithm.
import random

random.seed(42)
print(random.random(), random.random())
print(random.getrandbits(5), random.getrandbits(32), random.getrandbits(100), random.getrandbits(0))
print(random.randint(1, 10), random.randrange(100), random.randrange(0, 100, 7), random.randrange(10, 0, -3))
print(random.choice("abcdef"), random.choice([1, 2, 3]), random.randrange(10**30))
xs = list(range(20))
random.shuffle(xs)
print(xs)
print(random.sample(range(100), 10), random.sample("abcdefgh", 3), random.sample(range(10**6), 4))
print(random.sample(["red", "blue"], k=5, counts=[4, 2]))
print(random.choices("abc", k=5), random.choices("abc", weights=[1, 0, 5], k=5),
      random.choices([1, 2], cum_weights=[0.5, 1], k=4))
print(random.uniform(1, 2), random.triangular(0, 10, 3), random.triangular())
print(random.gauss(0, 1), random.gauss(0, 1), random.normalvariate(5, 2), random.expovariate(1.5))
print(random.betavariate(2, 3), random.gammavariate(0.5, 1), random.gammavariate(1, 1), random.gammavariate(3, 2))
print(random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.randbytes(6))

for seed in [0, 1, -1, 2**100, "hello", b"hello", "", "gilsim ✓", 3.5, True, 12345678901234567890]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randrange(10**12))
random.seed(5, version=1)
print(random.random())
random.seed("abc", version=1)
print(random.random())

generator = random.Random(2024)
print([generator.randint(1, 6) for _ in range(12)])
print(random.Random("x").randint(0, 1000), random.Random(b"x").randint(0, 1000))
