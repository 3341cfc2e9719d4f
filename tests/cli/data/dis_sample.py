def add(a, b):
    return a + b


def count(n):
    total = 0
    i = 0
    while i < n:
        total = add(total, i)
        i += 1
    return total


def outer():
    def inner():
        return 1
    return inner


print(count(10))
