# collections.deque: maxlen, rotate, both ends, indexing, errors, mutation during iteration.
from collections import deque
d = deque([1, 2, 3], maxlen=3); d.append(4); d.appendleft(0); print(d, d.maxlen, len(d))
d = deque(range(5)); d.rotate(2); print(d); d.rotate(-3); print(d, d[0], d[-1])
d.extendleft("ab"); print(d, d.popleft(), d.pop(), d.index(2), d.count(1), 3 in d)
d.remove(2); d.insert(1, "i"); del d[0]; print(d, list(reversed(d)), d == deque(d), d.copy())
d.reverse(); print(d, d + deque([7]), d * 2, bool(deque()))
for f in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1]).remove(2), lambda: deque([1]).index(3), lambda: deque([1], 1).insert(0, 1), lambda: deque(maxlen=-1)]:
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
d = deque([1, 2])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print(e)
q = deque(); [q.append(i) for i in range(100)]; print(sum(q.popleft() for _ in range(50)), len(q), deque(maxlen=0))
