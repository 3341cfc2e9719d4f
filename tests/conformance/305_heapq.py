# heapq: push/pop/heapify/replace/pushpop, nlargest/nsmallest, merge with key and reverse, errors.
import heapq
h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h, heapq.heappushpop(h, 0), heapq.heapreplace(h, 7), h)
l = [9, 4, 7, 1, 3, 8]; heapq.heapify(l); print(l, [heapq.heappop(l) for _ in range(len(l))])
print(heapq.nlargest(3, [1, 5, 2, 8, 3]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), list(heapq.merge([3, 1], [2], reverse=True)))
print(list(heapq.merge(["a", "ccc"], ["bb"], key=len)))
h = [(2, "b"), (1, "a")]; heapq.heapify(h); print(heapq.heappop(h))
for f in [lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapreplace([], 1)]:
    try:
        f()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
