# expect-exit: 1
# expect-stderr: SyntaxError: 'return' outside function
# expect-gilsim-stderr: 153_syn_return_outside_function.py:7:5: SyntaxError: 'return' outside function
# Syntax error: return at module level.
x = 1
if x:
    return x
print(x)
