# with statement using a class with __enter__/__exit__
class Tracker:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type is None)
        return False
with Tracker("a") as t:
    print("inside with", t.name)
with Tracker("outer"):
    with Tracker("inner") as inner:
        print("nested body", inner.name)
with Tracker("x") as x, Tracker("y") as y:
    print("two managers", x.name, y.name)
def early_return():
    with Tracker("ret"):
        return "returned"
print(early_return())
for i in range(3):
    with Tracker("loop" + str(i)):
        if i == 1:
            break
print("after loop")
