# for loops with break, continue and else
for i in range(6):
    if i % 2 == 0:
        continue
    print("odd", i)
for ch in "hello":
    if ch == "l":
        print("found l")
        break
else:
    print("not printed")
for x in []:
    print("never")
else:
    print("else after empty loop")
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print("prime", n)
total = 0
for k in {"a": 1, "b": 2}:
    total += len(k)
print(total)
for i in range(3):
    pass
print("last i", i)
