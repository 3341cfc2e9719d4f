# collections: defaultdict, Counter and OrderedDict, the dict subclasses.
from collections import defaultdict, Counter, OrderedDict
d = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    d[word[0]].append(word)
print(d, dict(d), d["z"], len(d), isinstance(d, dict))
counts = defaultdict(int); counts["a"] += 2; print(counts, counts.default_factory)
try:
    defaultdict(None)["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError", e)
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], sorted(c.elements()), c.total())
c.update("aaz"); c.subtract({"b": 5}); print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=3) | Counter(a=5, b=1), Counter(a=3, b=2) & Counter(a=1))
print(+Counter(a=2, b=-1), -Counter(a=2, b=-1), Counter(a=1) == Counter(a=1, b=0), Counter())
od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a"); print(od, list(od)); od.move_to_end("c", last=False); print(list(od))
print(od.popitem(), od.popitem(last=False), od, OrderedDict() == {}, OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
