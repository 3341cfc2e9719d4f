# class attributes vs instance attributes
class Counter:
    instances = 0
    step = 1
    def __init__(self):
        Counter.instances += 1
        self.value = 0
    def tick(self):
        self.value += self.step
a = Counter()
b = Counter()
print(Counter.instances, a.instances, b.instances)
a.tick()
b.step = 5
b.tick()
print(a.value, b.value, Counter.step, b.step)
Counter.step = 10
a.tick()
print(a.value)
class Config:
    defaults = {"debug": False}
    name = "cfg"
c = Config()
print(c.name, Config.name, c.defaults["debug"])
c.name = "instance"
print(c.name, Config.name)
print(hasattr(c, "name"), hasattr(c, "missing"), getattr(c, "missing", "dflt"))
setattr(c, "extra", 123)
print(c.extra, getattr(c, "extra"))
