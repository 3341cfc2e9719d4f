# expect-exit: 1
# expect-stderr: SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?
# expect-gilsim-stderr: 152_syn_assign_to_literal.py:6:1: SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?
# Syntax error: assigning to a literal.
x = 5
1 = x
print(x)
