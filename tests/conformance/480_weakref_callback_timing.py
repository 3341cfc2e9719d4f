# When a weak reference's callback runs: right after the statement that dropped the last
# reference, before the next one prints anything.
import weakref


class Thing:
    pass


def watch(obj, name):
    return weakref.ref(obj, lambda r: print("  callback:", name))


t = Thing()
w1 = watch(t, "module del")
del t
print("after module del")

t = Thing()
w2 = watch(t, "module rebind")
t = None
print("after module rebind")

things = {"a": Thing()}
w3 = watch(things["a"], "del item")
del things["a"]
print("after del item")

box = [Thing()]
w4 = watch(box[0], "list clear")
box.clear()
print("after clear")

holder = Thing()
holder.part = Thing()
w5 = watch(holder.part, "attribute rebind")
holder.part = None
print("after attribute rebind")


def local_scope():
    t = Thing()
    w = watch(t, "local del")
    del t
    print("after local del")
    t = Thing()
    w = watch(t, "local rebind")
    t = None
    print("after local rebind")
    t = Thing()
    return watch(t, "return")


w6 = local_scope()
print("after return")

for i in range(3):
    t = Thing()
    w = watch(t, "loop %d" % i)
print("after loop")
t = None
print("end")
