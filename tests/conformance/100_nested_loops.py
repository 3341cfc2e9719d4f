# nested loops with break/continue affecting only the inner loop
for i in range(1, 4):
    row = []
    for j in range(1, 6):
        if j == 4:
            break
        if (i + j) % 2 == 0:
            continue
        row.append(i * j)
    print(i, row)
found = None
for a in range(1, 20):
    for b in range(a, 20):
        c2 = a * a + b * b
        c = 1
        while c * c < c2:
            c += 1
        if c * c == c2 and c < 20:
            found = (a, b, c)
            break
    if found:
        break
print(found)
i = 0
pairs = 0
while i < 4:
    j = 0
    while j < i:
        pairs += 1
        j += 1
    i += 1
print(pairs)
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
