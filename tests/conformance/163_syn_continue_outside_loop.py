# expect-exit: 1
# expect-stderr: SyntaxError: 'continue' not properly in loop
# expect-gilsim-stderr: 163_syn_continue_outside_loop.py:7:5: SyntaxError: 'continue' not properly in loop
# Syntax error: continue outside of any loop.
x = 0
if x == 0:
    continue
