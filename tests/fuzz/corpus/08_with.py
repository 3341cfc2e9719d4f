class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ is not None)
        return typ is KeyError
with Ctx("a") as a, Ctx("b"):
    print("body", a.name)
with Ctx("c"):
    raise KeyError("swallowed")
def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
