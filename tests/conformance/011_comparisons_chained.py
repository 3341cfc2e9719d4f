# comparison operators, chained comparisons
def v(x):
    print("v", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1)
print(1 <= 1 < 2 != 3)
print(v(1) < v(0) < v(5))
print(v(1) < v(2) < v(3))
print("abc" < "abd", "a" < "B", "Z" < "a", "" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 2) == (1, 2), (2,) > (1, 9))
print(1 == 1.0, 2 != 2.0, 1 < 1.5)
print(None == None, None != 0, [] == [], {} == {})
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1, 2} == {2, 1})
x = 5
print(0 < x <= 5, 0 < x < 5)
print(3 in [1, 2, 3], 4 not in [1, 2, 3], "b" in "abc", "bd" in "abc")
print(1 in {1: "a"}, "a" in {1: "a"})
a = [1]
b = a
print(a is b, a is not b, a is [1], None is None)
