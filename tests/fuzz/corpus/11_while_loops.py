n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
else:
    print("steps", steps)
for i in range(10):
    if i == 2:
        continue
    if i == 7:
        break
    print(i, end=" ")
else:
    print("no break")
print()
i = 0
while True:
    i += 1
    if i > 3: break
