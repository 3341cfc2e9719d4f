# __iter__ / __next__ iterator protocol
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
for n in Countdown(3):
    print(n)
print(list(Countdown(5)), sum(Countdown(4)))
class Repeat:
    def __init__(self, item, times):
        self.item = item
        self.times = times
    def __iter__(self):
        return RepeatIter(self.item, self.times)
class RepeatIter:
    def __init__(self, item, times):
        self.item = item
        self.left = times
    def __iter__(self):
        return self
    def __next__(self):
        if self.left == 0:
            raise StopIteration
        self.left -= 1
        return self.item
r = Repeat("ab", 3)
print(list(r), "-".join(r))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
print([x * 10 for x in Countdown(3)], sorted(Countdown(4)), 2 in Countdown(3))
a, b, c = Countdown(3)
print(a, b, c)
