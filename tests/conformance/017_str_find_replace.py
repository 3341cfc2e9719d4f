# find, index, count, replace, startswith, endswith
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.find("cat"), s.find(""))
print(s.index("fox"), s.index("o"), s.index("o", 13))
print(s.count("o"), s.count("the"), s.count("z"), "aaaa".count("aa"))
print(s.replace("the", "a"))
print(s.replace("o", "0", 2))
print("aaa".replace("a", "bb"), "abc".replace("", "-"))
print(s.startswith("the"), s.startswith("quick"), s.startswith("quick", 4))
print(s.endswith("dog"), s.endswith("lazy"), s.endswith(("cat", "dog")))
print("abc".startswith(("x", "a")), "".startswith(""))
print(s.find("o", 20, 30), s.find("o", 13, 14))
