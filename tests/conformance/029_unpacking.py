# tuple unpacking: simple, nested, starred, swap
a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (10, 20), 30
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, t = (1, 2)
print(h, mid, t)
p, *q, r = range(6)
print(p, q, r)
[m, n] = [7, 8]
print(m, n)
i, (j, *k) = 1, [2, 3, 4]
print(i, j, k)
for idx, (c1, c2) in enumerate(["ab", "cd"]):
    print(idx, c1, c2)
u = v = 5
print(u, v)
s1, s2, s3 = "xyz"
print(s3, s2, s1)
