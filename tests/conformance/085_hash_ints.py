# hash() of ints and tuples of ints
print(hash(0), hash(1), hash(-1), hash(-2), hash(12345), hash(True), hash(False))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 64), hash(-(2 ** 61)))
print(hash(10 ** 30) == hash(10 ** 30), hash(1.0) == hash(1), hash(2.0) == hash(2))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)), hash(()) == hash(()))
print(hash((1, (2, 3))) == hash((1, (2, 3))))
d = {}
d[(1, 2)] = "a"
d[1, 2] = "b"
print(d, len(d))
s = {(0, 0), (0, 0), (1, 0)}
print(len(s), (1, 0) in s)
print(type(hash(5)).__name__)
