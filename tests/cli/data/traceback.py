# A runtime error three frames deep, after some output.
def inner(x):
    return x / 0


def outer(x):
    print("in outer")
    return inner(x) + 1


print("before")
outer(5)
print("not reached")
