# name resolution: local, enclosing, global, builtin; shadowing builtins
x = "global"
def f():
    return x
def g():
    x = "local"
    def h():
        return x
    return h()
def shadow_len():
    len = lambda s: -1
    return len("abc")
print(f(), g(), shadow_len(), len("abc"))
def params_are_local(x):
    x = x + "!"
    return x
print(params_are_local("arg"), x)
def outer():
    y = 1
    def mid():
        def inner():
            return y + 1
        return inner()
    return mid()
print(outer())
def loop_var_leaks():
    for i in range(3):
        pass
    return i
print(loop_var_leaks())
def comp_does_not_leak():
    z = "kept"
    [z for z in range(3)]
    return z
print(comp_does_not_leak())
