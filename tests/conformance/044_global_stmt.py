# global declarations
counter = 0
names = []
def bump():
    global counter
    counter += 1
def record(n):
    names.append(n)
def reset():
    global counter, names
    counter = 0
    names = ["reset"]
def make_new_global():
    global created
    created = "made inside function"
bump()
bump()
record("x")
print(counter, names)
reset()
print(counter, names)
make_new_global()
print(created)
def shadow():
    counter = 99
    return counter
print(shadow(), counter)
def read_only():
    return counter + 1
print(read_only())
