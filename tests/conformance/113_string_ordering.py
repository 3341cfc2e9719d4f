# string comparison and ordering
words = ["pear", "Apple", "apple", "banana", "Banana", "", "a", "ab", "Z"]
print(sorted(words))
print(sorted(words, key=lambda w: (w.lower(), w)))
print("apple" < "apples", "b" > "abc", "A" < "a", "10" < "9", "abc" == "ab" + "c")
print(min(words), max(words), max(words, key=len))
print("\u00e9" > "z", "caf\u00e9" > "cafe")
print(sorted(["b2", "a10", "a9", "b1"]))
print(sorted(["x", "y", "z"], reverse=True))
