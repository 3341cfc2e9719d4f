# helper module with mutable module-level state (not a test itself)
items = []


def add(x):
    items.append(x)
    return len(items)
