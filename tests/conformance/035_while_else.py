# while loops with break, continue and else
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i =", i)
else:
    print("while finished normally")
n = 0
while True:
    n += 1
    if n >= 3:
        break
print("n =", n)
k = 10
while k > 0:
    if k == 7:
        print("found 7")
        break
    k -= 1
else:
    print("not printed")
j = 5
while j < 0:
    print("never")
else:
    print("else on zero iterations")
a, b = 0, 1
fibs = []
while b < 100:
    fibs.append(b)
    a, b = b, a + b
print(fibs)
