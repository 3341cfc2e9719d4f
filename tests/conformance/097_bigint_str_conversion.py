# conversions between big ints and strings
n = 2 ** 256
s = str(n)
print(s, len(s))
print(int(s) == n, int("-" + s) == -n)
print(repr(-n), f"{n}", "%d" % n)
print(f"{n:x}", f"{n:o}"[:20], f"{n:b}"[:10], len(f"{n:b}"))
print(int(f"{n:x}", 16) == n, int("1" * 100, 2) == 2 ** 100 - 1)
print(int("z" * 20, 36))
fact = 1
for i in range(2, 60):
    fact *= i
print(fact)
print(str(fact).count("0"), str(fact)[-14:])
print(int(str(10 ** 50)[:3]))
print(float(10 ** 20), int(1e20), int(1.5e30))
