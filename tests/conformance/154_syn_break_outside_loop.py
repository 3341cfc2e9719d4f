# expect-exit: 1
# expect-stderr: SyntaxError: 'break' outside loop
# expect-gilsim-stderr: 154_syn_break_outside_loop.py:7:9: SyntaxError: 'break' outside loop
# Syntax error: break outside of any loop.
def f(n):
    if n > 1:
        break
    return n
print(f(3))
