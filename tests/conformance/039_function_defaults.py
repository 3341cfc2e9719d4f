# function definitions, default arguments, keyword arguments
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(punct=".", name="Di", greeting="Yo"))
def power(base, exp=2):
    return base ** exp
print(power(3), power(2, 10), power(exp=3, base=4))
def append_to(x, lst=None):
    if lst is None:
        lst = []
    lst.append(x)
    return lst
print(append_to(1), append_to(2), append_to(3, [0]))
def shared(x, acc=[]):
    acc.append(x)
    return acc
shared(1)
print(shared(2))
def no_return():
    x = 1
print(no_return())
print(greet.__name__)
