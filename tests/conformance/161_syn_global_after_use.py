# expect-exit: 1
# expect-stderr: SyntaxError: name 'total' is assigned to before global declaration
# expect-gilsim-stderr: 161_syn_global_after_use.py:8:5: SyntaxError: name 'total' is assigned to before global declaration
# Syntax error: a name used before its global declaration in the same function.
total = 0
def add(n):
    total = n
    global total
    return total
print(add(1))
