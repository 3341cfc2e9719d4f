x = 1
y = x
a, b = b, a = 2, 3
