# eval, exec and compile (exec, eval and single modes): namespaces given and defaulted, code
# objects, SyntaxError details.
x = 10
print(eval("x + 1"), eval("  y * 2", {"y": 4}), eval("a + b", {"a": 1}, {"b": 2}))
ns = {}
exec("def f(n):\n    return n * 3\nz = f(2)", ns)
print(ns["z"], ns["f"](5), "__builtins__" in ns)
exec("w = x * 2")
print(w)
code = compile("1 + 2", "<calc>", "eval")
print(eval(code), type(code).__name__)
exec(compile("for i in range(2):\n    i * 10\n", "<single>", "single"))
exec(compile("'text'", "<single>", "single"))
exec(compile("None", "<single>", "single"))
try:
    compile("a = 1\nb = 2\n", "<single>", "single")
except SyntaxError as e:
    print(e.msg)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.filename, e.lineno)
try:
    compile("x", "f", "bogus")
except ValueError as e:
    print(e)
print(eval("[i * i for i in range(4)]"))
print(eval("lambda v: v + x")(1))
exec("import sys as _s\nprint(_s.maxsize > 0)")
