# types: the type names match live objects; SimpleNamespace; MappingProxyType. timeit with a
# callable (times are not printed, only that they are floats and counts are honoured).
import types, timeit, sys
def f(): pass
def g(): yield 1
class C:
    def m(self): pass
print(isinstance(f, types.FunctionType), isinstance(g(), types.GeneratorType), isinstance(C().m, types.MethodType))
print(isinstance(len, types.BuiltinFunctionType), isinstance(sys, types.ModuleType), types.NoneType is type(None), isinstance(None, types.TracebackType))
ns = types.SimpleNamespace(a=1, b="x"); ns.c = [2]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[2]))
mp = types.MappingProxyType({"a": 1})
print(mp["a"], list(mp), len(mp), "a" in mp, mp.get("z", 0), mp, repr(mp))
calls = []
t = timeit.Timer(lambda: calls.append(1))
elapsed = t.timeit(number=50)
print(type(elapsed).__name__, elapsed >= 0, len(calls), len(timeit.repeat(lambda: None, repeat=3, number=10)))
print(timeit.default_timer is not None, type(timeit.timeit(number=5)).__name__)
