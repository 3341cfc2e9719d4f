# enumerate and zip
names = ["ann", "bob", "cy"]
ages = [31, 25, 47, 99]
for i, n in enumerate(names):
    print(i, n)
for i, n in enumerate(names, 1):
    print(i, n)
print(list(enumerate("ab", start=10)))
for n, a in zip(names, ages):
    print(n, a)
print(list(zip([1, 2, 3], "abc", (True, False, None))))
print(list(zip()), list(zip([1], [])))
print(dict(zip(names, ages)))
pairs = [(1, "x"), (2, "y")]
nums, letters = zip(*pairs)
print(nums, letters)
for i, (n, a) in enumerate(zip(names, ages)):
    print(i, n, a)
