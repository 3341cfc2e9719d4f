# sort and sorted with key and reverse; stability
a = [5, 2, 9, 1, 5, 6]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "date", "Fig", "elderberry"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
pairs.sort(key=lambda p: p[0])
print(pairs)
print(sorted(pairs))
print(sorted([3.5, 1, 2.25, -1]))
print(sorted("hello"), sorted({3: 1, 1: 2, 2: 3}))
nums = [-4, 3, -2, 1]
nums.sort(key=abs)
print(nums)
print(sorted([]), sorted([1]))
