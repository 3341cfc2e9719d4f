"""Seeded randomness: a random walk, a Monte Carlo estimate of pi, a shuffled deck and weighted
choices. With random.seed the streams are CPython's exactly."""

import random

random.seed(2024)
position = 0
furthest = 0
for _ in range(1000):
    position += random.choice((-1, 1))
    furthest = max(furthest, abs(position))
print("walk ends at", position, "furthest", furthest)

rng = random.Random(7)
inside = sum(1 for _ in range(20000) if rng.random() ** 2 + rng.random() ** 2 <= 1.0)
print("pi is about %.4f" % (4 * inside / 20000))

deck = ["%s%s" % (rank, suit) for suit in "SHDC" for rank in "A23456789TJQK"]
random.shuffle(deck)
print("hand:", deck[:5])
print("sample:", random.sample(range(100), 6))
print("randint:", [random.randint(1, 6) for _ in range(10)])
print("choices:", random.choices("abc", weights=[5, 1, 1], k=12))
print("uniform: %.6f gauss: %.6f" % (random.uniform(10, 20), random.gauss(0, 1)))
