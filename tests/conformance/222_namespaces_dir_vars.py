# globals, locals (a snapshot in functions, the namespace in class bodies), vars and dir.
def fn(a, b=2):
    c = a + b
    def inner():
        return c
    return sorted(locals().items(), key=lambda kv: kv[0])[:3], inner
print(fn(1)[0])
print(sorted(k for k in globals() if not k.startswith("__"))[:4])
class K:
    cls_attr = 1
    def method(self):
        pass
    print(sorted(k for k in locals() if not k.startswith("__")))
k = K()
k.inst = 5
print([n for n in dir(k) if not n.startswith("_")])
print([n for n in dir(K) if not n.startswith("_")])
print(vars(k), sorted(vars(K))[:0])
import sys
print("argv" in dir(sys), "path" in vars(sys))
try:
    vars(5)
except TypeError as e:
    print(e)
class D:
    def __dir__(self):
        return ["b", "a"]
print(dir(D()))
def g():
    q = 1
    print(sorted(dir()))
g()
