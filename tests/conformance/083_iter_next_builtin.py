# iter() over many iterables and manual iteration loops
def consume(it):
    out = []
    while True:
        v = next(it, None)
        if v is None:
            break
        out.append(v)
    return out
print(consume(iter([1, 2, 3])))
print(consume(iter("xyz")))
print(consume(iter((4, 5))))
print(consume(iter({"k1": 1, "k2": 2})))
print(consume(iter(range(2, 5))))
print(consume(iter({7})))
it = iter([10, 20, 30])
for x in it:
    print("got", x)
    if x == 10:
        print("skipping", next(it))
it2 = iter([1, 2])
print(iter(it2) is it2)
