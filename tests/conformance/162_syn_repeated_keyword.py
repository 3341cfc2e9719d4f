# expect-exit: 1
# expect-stderr: SyntaxError: keyword argument repeated: a
# expect-gilsim-stderr: 162_syn_repeated_keyword.py:7:14: SyntaxError: keyword argument repeated: a
# Syntax error: the same keyword argument given twice.
def f(a=0):
    return a
print(f(a=1, a=2))
