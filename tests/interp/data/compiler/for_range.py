total = 0
for i in range(5):
    if i == 4:
        break
    total += i
