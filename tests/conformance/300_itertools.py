# itertools: every function, CPython's argument errors, islice consuming as CPython does.
import itertools as it
import operator
print(list(it.islice(it.count(5, 2), 4)), repr(it.count(3)), repr(it.count(1, 0.5)))
print(list(it.islice(it.cycle("ab"), 5)), list(it.repeat(7, 3)), repr(it.repeat("x", 2)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(it.chain("ab", [1])), list(it.chain.from_iterable(["xy", "z"])))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.dropwhile(lambda x: x < 3, [1, 4, 1])))
print(list(it.filterfalse(None, [0, 1, 0, 2])), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print([(k, list(g)) for k, g in it.groupby("aaabbcaa")])
print([k for k, g in it.groupby([1, 1, 2, 3, 3])], [(k, len(list(g))) for k, g in it.groupby(["a", "bb", "cc", "d"], key=len)])
g = it.groupby("aabb"); k1, g1 = next(g); k2, g2 = next(g); print(k1, list(g1), k2, list(g2))
print(list(it.islice("abcdefg", 2)), list(it.islice("abcdefg", 2, 6, 2)), list(it.islice("abcdefg", 1, None)))
s = iter(range(10)); print(list(it.islice(s, 2, 7, 3)), next(s))
s = iter(range(10)); print(list(it.islice(s, 5, 3)), next(s))
for bad in [(-1,), (1, -2), (0, 5, 0), ("a",)]:
    try:
        it.islice([], *bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(list(it.pairwise("abcd")), list(it.starmap(pow, [(2, 3), (3, 2)])))
a, b = it.tee(iter([1, 2, 3])); print(next(a), next(a), list(b), list(a))
print(list(it.zip_longest("ab", "xyz", fillvalue="-")), list(it.zip_longest()))
print(list(it.product("ab", repeat=2)), list(it.product([1, 2], "x")), list(it.product()))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(4)))), list(it.permutations("ab", 3)))
print(list(it.combinations("abcd", 2)), list(it.combinations("ab", 3)), list(it.combinations("ab", 0)))
print(list(it.combinations_with_replacement("abc", 2)))
for f in [lambda: it.combinations("ab", -1), lambda: it.permutations("ab", -1), lambda: it.product("a", repeat=-1), lambda: it.tee([], -1), lambda: it.islice([])]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
