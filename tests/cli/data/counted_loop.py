# 50000 loop iterations: about 50000 check points with --check-points branches.
print("start")
i = 0
while i < 50000:
    i += 1
print(i)
