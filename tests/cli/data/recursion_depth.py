# Prints how deep the recursion got before RecursionError was raised.
depth = 0


def f(n):
    global depth
    depth = n
    f(n + 1)


try:
    f(1)
except RecursionError:
    print("depth", depth)
