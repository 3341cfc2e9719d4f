# A class whose __iter__ is a generator function is iterable (issue 10: it was rejected with
# "iter() returned non-iterator of type 'generator'").
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        while self.n > 0:
            yield self.n
            self.n -= 1
print(list(Countdown(3)), sum(Countdown(4)))
for x in Countdown(2):
    print("cd", x)


class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child
print(list(Tree(1, [Tree(2, [Tree(3)]), Tree(4)])))
print(iter(Countdown(1)).__class__.__name__)
