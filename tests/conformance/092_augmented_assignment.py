# augmented assignment on names, subscripts, attributes; in-place list/str behaviour
x = 10
x += 5
x -= 3
x *= 4
x //= 5
x **= 2
x %= 7
print(x)
f = 7.0
f /= 2
print(f)
b = 0b1111
b &= 0b1010
b |= 0b0001
b ^= 0b1000
b <<= 2
b >>= 1
print(b)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, alias is lst)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
d = {"k": 1}
d["k"] += 10
d["new"] = d.get("new", 0) + 1
print(d)
nested = [[0, 0], [0, 0]]
nested[1][0] += 5
print(nested)
class C:
    count = 0
c = C()
c.count += 1
C.count += 100
print(c.count, C.count)
